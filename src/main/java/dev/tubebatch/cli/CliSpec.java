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
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code tubebatch batch}'s options for picocli: names, value labels, descriptions in their help sections, and what
 * each option does with its value. Values are checked as they are read, left to right, so the first mistake on the
 * line is the one reported, named by its flag; {@link ArgumentPreprocessor} decides how each argument is taken, and
 * {@link CliHelp} lays out the help text.
 */
final class CliSpec {

    private final CommandSpec spec = CommandSpec.create();
    private final CliHelp help = new CliHelp();
    private final ArgumentPreprocessor preprocessor;

    private CliSpec(ParsedArguments parsed, String[] args) {
        this.preprocessor = new ArgumentPreprocessor(parsed, args);
        ParsedArguments p = parsed;
        help.section("Inputs (any mix, de-duplicated in order):");
        add(PositionalParamSpec.builder().index("0..*").arity("1").paramLabel("URL|ID").type(String.class)
                .description("video, playlist or channel URLs, or bare 11-character video ids")
                .setter(new Setter(v -> p.urls.add((String) v))).preprocessor(preprocessor).build());
        value("--urls-file", "FILE", "a file of URLs, one per line (# comments, CSV with a url column); repeatable",
                v -> p.urlFiles.add(Path.of(v)));
        value("--playlist", "URL", "a playlist, expanded fully; repeatable", p.playlists::add);
        value("--channel", "URL", "a channel's newest videos (see --recent); repeatable", p.channels::add);
        value("--recent", "N", "how many of each channel's newest videos (default " + CliArguments.DEFAULT_RECENT + ")",
                v -> p.recent = number("--recent", v, 1, 10_000));
        help.section("Filters:");
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
        help.section("Batch options:");
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
        help.section("Modes (instead of a new batch):");
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
                })).preprocessor(preprocessor).build());

        help.install(spec.usageMessage());
    }

    /**
     * The parser for one command line. Picocli's extras that would change what a line means are off: no
     * {@code @file} expansion (an input may start with '@'), no clustered short options, and a repeated option is
     * taken again rather than refused. Parsing stops at the first unknown option, which is then the one reported.
     */
    static CommandLine commandLine(ParsedArguments parsed, String[] args) {
        return new CommandLine(new CliSpec(parsed, args).spec)
                .setExpandAtFiles(false)
                .setPosixClusteredShortOptionsAllowed(false)
                .setOverwrittenOptionsAllowed(true)
                .setStopAtUnmatched(true);
    }

    private void add(ArgSpec arg) {
        help.add(arg);
        if (arg instanceof OptionSpec option) {
            spec.addOption(option);
        } else {
            spec.addPositional((PositionalParamSpec) arg);
        }
    }

    private void value(String flag, String label, String description, Consumer<String> action) {
        add(OptionSpec.builder(flag).arity("1").paramLabel(label).type(String.class).description(description)
                .setter(new Setter(v -> action.accept((String) v))).preprocessor(preprocessor).build());
    }

    private void flag(String flag, String description, Runnable action) {
        add(OptionSpec.builder(flag).arity("0").type(boolean.class).description(description)
                .setter(new Setter(v -> {
                    if (Boolean.TRUE.equals(v)) {
                        action.run();
                    }
                })).preprocessor(preprocessor).build());
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
