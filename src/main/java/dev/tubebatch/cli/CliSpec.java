package dev.tubebatch.cli;

import static dev.tubebatch.cli.CliArguments.date;
import static dev.tubebatch.cli.CliArguments.duration;
import static dev.tubebatch.cli.CliArguments.name;
import static dev.tubebatch.cli.CliArguments.number;
import static dev.tubebatch.cli.CliArguments.policy;
import static dev.tubebatch.cli.CliArguments.text;
import static dev.tubebatch.cli.CliArguments.uuid;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code tubebatch batch}'s options for picocli: names, value labels, help text in its sections, and what each option
 * does with its value. Values are checked as they are read, left to right, so the first mistake on the line is the one
 * reported, named by its flag.
 */
final class CliSpec {

    private static final Set<String> MODE_FLAGS = Set.of("--dry-run", "--resume", "--retry-failed", "--status");

    /** What the options set, in the order given; null means "not given". */
    static final class Parsed {
        final List<String> urls = new ArrayList<>();
        final List<Path> urlFiles = new ArrayList<>();
        final List<String> playlists = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        @Nullable Integer recent;
        @Nullable Integer minDuration;
        @Nullable Integer maxDuration;
        @Nullable LocalDate after;
        @Nullable LocalDate before;
        @Nullable String title;
        @Nullable String excludeTitle;
        boolean noShorts;
        boolean noLive;
        @Nullable Integer maxWorkers;
        @Nullable Integer retryLimit;
        @Nullable OnErrorPolicy onError;
        @Nullable String batchName;
        boolean manifest;
        boolean summaries = true;
        @Nullable Integer summarySentences;
        @Nullable String summaryMethod;
        @Nullable String summaryPreset;
        @Nullable String summaryInstruction;
        @Nullable Integer maxVideoMinutes;
        List<String> captionLanguages = List.of();
        boolean translatedCaptions;
        @Nullable Path output;
        @Nullable String resume;
        @Nullable UUID batchId;
        CliOptions.Mode mode = CliOptions.Mode.RUN;
        @Nullable String modeFlag;
    }

    private record Section(String heading, List<ArgSpec> args) {}

    private final CommandSpec spec = CommandSpec.create();
    private final List<Section> sections = new ArrayList<>();
    private final Parsed parsed;
    private final String[] arguments;
    /** The places of the arguments taken as options' values, so that a value "--" is not read as the end of options. */
    private final Set<Integer> values = new HashSet<>();

    private CliSpec(Parsed parsed, String[] args) {
        this.parsed = parsed;
        this.arguments = args.clone();
        Parsed p = parsed;
        section("Inputs (any mix, de-duplicated in order):");
        add(PositionalParamSpec.builder().index("0..*").arity("1").paramLabel("URL|ID").type(String.class)
                .description("video, playlist or channel URLs, or bare 11-character video ids")
                .setter(new Setter(v -> p.urls.add((String) v))).preprocessor(this::check).build());
        value("--urls-file", "FILE", "a file of URLs, one per line (# comments, CSV with a url column); repeatable",
                v -> p.urlFiles.add(Path.of(v)));
        value("--playlist", "URL", "a playlist, expanded fully; repeatable", p.playlists::add);
        value("--channel", "URL", "a channel's newest videos (see --recent); repeatable", p.channels::add);
        value("--recent", "N", "how many of each channel's newest videos (default " + CliArguments.DEFAULT_RECENT + ")",
                v -> p.recent = number("--recent", v, 1, 10_000));
        section("Filters:");
        value("--min-duration", "D", "at least D long (seconds, 90s, 5m, 1h, or h:mm:ss)",
                v -> p.minDuration = duration("--min-duration", v));
        value("--max-duration", "D", "at most D long", v -> p.maxDuration = duration("--max-duration", v));
        value("--after", "YYYY-MM-DD", "uploaded on or after", v -> p.after = date("--after", v));
        value("--before", "YYYY-MM-DD", "uploaded on or before", v -> p.before = date("--before", v));
        value("--title", "TEXT", "title contains TEXT (any case)", v -> p.title = text("--title", v));
        value("--exclude-title", "TEXT", "title does not contain TEXT (any case)",
                v -> p.excludeTitle = text("--exclude-title", v));
        flag("--no-shorts", "leave out shorts", () -> p.noShorts = true);
        flag("--no-live", "leave out live streams and upcoming premieres", () -> p.noLive = true);
        section("Batch options:");
        value("--batch-name", "NAME", "the batch's name", v -> p.batchName = name("--batch-name", v));
        value("--max-workers", "N", "at most N of this batch's videos at once (default: the machine's limit)",
                v -> p.maxWorkers = number("--max-workers", v, 1, 256));
        value("--retry-limit", "N", "retries of a transient failure, 0 to " + NewBatch.MAX_RETRY_LIMIT + " (default "
                + NewBatch.DEFAULT_RETRY_LIMIT + ")", v -> p.retryLimit = number("--retry-limit", v, 0,
                NewBatch.MAX_RETRY_LIMIT));
        value("--on-error", "POLICY", "continue (default) | stop | retry", v -> p.onError = policy("--on-error", v));
        value("--output", "DIR", "where batch folders are written (default: output)", v -> p.output = Path.of(v));
        flag("--no-summary", "no summaries for this batch", () -> p.summaries = false);
        value("--summary-sentences", "N", "summary length in sentences, 1 to " + BatchOptions.MAX_SUMMARY_SENTENCES
                + " (default: as configured)", v -> p.summarySentences = number("--summary-sentences", v, 1,
                BatchOptions.MAX_SUMMARY_SENTENCES));
        value("--summary", "METHOD", String.join(" | ", CliOptions.SUMMARY_METHODS) + ": how this run summarizes "
                + "(default: as configured; llm needs tubebatch.llm.base-url and model)",
                v -> p.summaryMethod = CliArguments.oneOf("--summary", v, CliOptions.SUMMARY_METHODS));
        value("--summary-preset", "NAME", String.join(" | ", BatchOptions.PRESETS) + ": the LLM summary's style",
                v -> p.summaryPreset = CliArguments.oneOf("--summary-preset", v, BatchOptions.PRESETS));
        value("--summary-instruction", "TEXT", "an instruction of your own for the LLM summary (at most "
                + BatchOptions.MAX_INSTRUCTION_CHARS + " characters)",
                v -> p.summaryInstruction = CliArguments.instruction("--summary-instruction", v));
        value("--max-video-minutes", "N", "fail videos longer than N minutes before downloading them (default: the"
                + " node's limit, tubebatch.pipeline.max-video-duration, which N cannot raise)",
                v -> p.maxVideoMinutes = number("--max-video-minutes", v, 1, BatchOptions.MAX_VIDEO_MINUTES));
        value("--langs", "LIST", "caption languages in order of preference, e.g. de,en; orig = the video's original"
                + " language (default: tubebatch.ytdlp.caption-languages)",
                v -> p.captionLanguages = CliArguments.languages("--langs", v));
        flag("--translated-captions", "take YouTube's machine-translated captions when no wanted language has"
                + " captions of its own", () -> p.translatedCaptions = true);
        flag("--output-manifest", "print the path of the batch's manifest.json at the end (it is always written)",
                () -> p.manifest = true);
        section("Modes (instead of a new batch):");
        flag("--dry-run", "print what would be processed, as JSON lines, and exit",
                () -> p.mode = CliOptions.Mode.DRY_RUN);
        value("--resume", "ID|FILE", "go on with a batch (its id, or its batch.json) from the last finished steps",
                v -> {
                    p.resume = v;
                    p.mode = CliOptions.Mode.RESUME;
                });
        value("--retry-failed", "ID", "run a batch's failed videos again", v -> {
            p.batchId = uuid("--retry-failed", v);
            p.mode = CliOptions.Mode.RETRY_FAILED;
        });
        value("--status", "ID", "print a batch's progress and exit", v -> {
            p.batchId = uuid("--status", v);
            p.mode = CliOptions.Mode.STATUS;
        });
        add(OptionSpec.builder("-h", "--help").arity("0").type(boolean.class).description("this text")
                .setter(new Setter(v -> {
                    if (Boolean.TRUE.equals(v)) {
                        p.mode = CliOptions.Mode.HELP;
                    }
                })).preprocessor(this::check).build());

        UsageMessageSpec usage = spec.usageMessage();
        usage.customSynopsis("tubebatch batch [options] [URL|ID ...]");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> "");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, this::options);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put(Integer.toString(BatchCommand.OK), "all videos done");
        exitCodes.put(Integer.toString(BatchCommand.FAILURES), "some failed (or the batch was cancelled)");
        exitCodes.put(Integer.toString(BatchCommand.USAGE), "usage error");
        exitCodes.put(Integer.toString(BatchCommand.STOPPED), "stopped by --on-error stop");
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    }

    /**
     * The parser for one command line. Picocli's extras that would change what a line means are off: no
     * {@code @file} expansion (an input may start with '@'), no clustered short options, and a repeated option is
     * taken again rather than refused. Parsing stops at the first unknown option, which is then the one reported.
     */
    static CommandLine commandLine(Parsed parsed, String[] args) {
        return new CommandLine(new CliSpec(parsed, args).spec)
                .setExpandAtFiles(false)
                .setPosixClusteredShortOptionsAllowed(false)
                .setOverwrittenOptionsAllowed(true)
                .setStopAtUnmatched(true);
    }

    private void section(String heading) {
        sections.add(new Section(heading, new ArrayList<>()));
    }

    private void add(ArgSpec arg) {
        sections.getLast().args().add(arg);
        if (arg instanceof OptionSpec option) {
            spec.addOption(option);
        } else {
            spec.addPositional((PositionalParamSpec) arg);
        }
    }

    private void value(String flag, String label, String description, Consumer<String> action) {
        add(OptionSpec.builder(flag).arity("1").paramLabel(label).type(String.class).description(description)
                .setter(new Setter(v -> action.accept((String) v))).preprocessor(this::check).build());
    }

    private void flag(String flag, String description, Runnable action) {
        add(OptionSpec.builder(flag).arity("0").type(boolean.class).description(description)
                .setter(new Setter(v -> {
                    if (Boolean.TRUE.equals(v)) {
                        action.run();
                    }
                })).preprocessor(this::check).build());
    }

    /**
     * Runs when picocli has recognised an option or an input, before it takes a value: one mode per line, and values
     * taken as this command always took them. An option's value is the next argument, even one that starts with a
     * single dash ({@code --resume -h} resumes from a file named {@code -h}), unless that argument is a long option
     * ({@code --batch-name --max-workers 2} lacks the name); an attached value ({@code --flag=value}) must not be
     * empty; a flag takes none, except that {@code --help} ignores one. {@code args} holds what follows, an attached
     * value on its top (then the option itself is at {@code index}, else the value is). Returns true where the value
     * has been taken here.
     */
    private boolean check(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
        int index = arguments.length - args.size();
        if (arg instanceof PositionalParamSpec) {
            // Picocli reads a lone dash or a negative number as an input; before "--" this command never did.
            String input = args.peek();
            if (input.startsWith("-") && !afterEndOfOptions(index)) {
                throw new UsageException(input, "unknown option (see --help)");
            }
            return false;
        }
        OptionSpec option = (OptionSpec) arg;
        String flag = option.longestName();
        boolean attached = !" ".equals(info.get("separator"));
        if (attached && !arguments[index].startsWith("--")) {
            // Only long options take "=value"; picocli would read "-h=x" as -h with a value.
            throw new UsageException(arguments[index], "unknown option (see --help)");
        }
        if (MODE_FLAGS.contains(flag)) {
            if (parsed.modeFlag != null) {
                throw new UsageException(flag, "cannot be combined with " + parsed.modeFlag);
            }
            parsed.modeFlag = flag;
        }
        if (option.arity().max() == 0) {
            if (attached && !flag.equals("--help")) {
                throw new UsageException(flag, "takes no value");
            }
            if (attached) {
                args.pop();
            }
            option.setValue(true);
            return true;
        }
        if (args.isEmpty() || (attached ? args.peek().isEmpty()
                : args.peek().startsWith("--") && args.peek().length() > 2)) {
            throw new UsageException(flag, "needs a value");
        }
        if (!attached) {
            values.add(index);
        }
        option.setValue(args.pop());
        return true;
    }

    /** Whether a {@code --} that is not some option's value comes before this argument. */
    private boolean afterEndOfOptions(int index) {
        for (int i = 0; i < index; i++) {
            if (arguments[i].equals("--") && !values.contains(i)) {
                return true;
            }
        }
        return false;
    }

    /** The option list in its sections, each with its heading, in picocli's layout. */
    private String options(Help help) {
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            Help.Layout layout = help.createDefaultLayout();
            for (ArgSpec arg : section.args()) {
                if (arg instanceof OptionSpec option) {
                    layout.addOption(option, labels);
                } else {
                    layout.addPositionalParameter((PositionalParamSpec) arg, labels);
                }
            }
            text.append(String.format("%n%s%n", section.heading())).append(layout);
        }
        return text.toString();
    }

    /** Hands picocli's value to the option's action; picocli's setter interface has a generic method, so no lambda. */
    private record Setter(Consumer<Object> action) implements ISetter {
        @Override
        public <T> @Nullable T set(T value) {
            if (value != null) {
                action.accept(value);
            }
            return null;
        }
    }
}
