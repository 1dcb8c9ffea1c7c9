package dev.tubebatch.cli;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.intake.PreviewRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses {@code tubebatch batch}'s arguments with picocli (see {@link CliSpec} for the options and the help). Every
 * mistake is a {@link UsageException} naming the flag; nothing is started before the whole line is understood.
 * {@code --flag value} and {@code --flag=value} both work; after {@code --} every argument is an input, even one that
 * starts with a dash.
 */
public final class CliArguments {

    static final int DEFAULT_RECENT = PreviewRequest.DEFAULT_RECENT;
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})");
    private static final Pattern UNIT = Pattern.compile("(\\d+)\\s*([smh]?)");

    private CliArguments() {}

    public static CliOptions parse(String... args) {
        ParsedArguments parsed = new ParsedArguments();
        CommandLine line = CliSpec.commandLine(parsed, args);
        List<String> unknown;
        try {
            unknown = line.parseArgs(args).unmatched();
        } catch (ParameterException e) {
            throw usageError(e);
        }
        if (!unknown.isEmpty()) {
            throw unknownOption(new UnmatchedArgumentException(line, unknown));
        }
        return options(parsed);
    }

    /** The {@code --help} text. */
    public static String usage() {
        return CliSpec.commandLine(new ParsedArguments(), new String[0]).getUsageMessage();
    }

    /** Checks that need the whole line: ranges between two flags, inputs against the mode. */
    private static CliOptions options(ParsedArguments p) {
        if (p.minDuration != null && p.maxDuration != null && p.minDuration > p.maxDuration) {
            throw new UsageException("--min-duration", "is longer than --max-duration");
        }
        if (p.after != null && p.before != null && p.after.isAfter(p.before)) {
            throw new UsageException("--after", "is later than --before");
        }
        if (!p.summaries && p.summarySentences != null) {
            throw new UsageException("--summary-sentences", "cannot be combined with --no-summary");
        }
        if (!p.summaries && (p.summaryPreset != null || p.summaryInstruction != null || p.summaryMethod != null)) {
            throw new UsageException(p.summaryMethod != null ? "--summary" : p.summaryPreset != null
                    ? "--summary-preset" : "--summary-instruction", "cannot be combined with --no-summary");
        }
        if (p.recent != null && p.channels.isEmpty()) {
            throw new UsageException("--recent", "applies to --channel, and no channel was given");
        }
        CliOptions.Filters filters = new CliOptions.Filters(p.minDuration, p.maxDuration, p.after, p.before, p.title,
                p.excludeTitle, p.noShorts, p.noLive);
        CliOptions options = new CliOptions(p.mode, List.copyOf(p.urls), List.copyOf(p.urlFiles),
                List.copyOf(p.playlists), List.copyOf(p.channels), p.recent == null ? DEFAULT_RECENT : p.recent,
                filters, p.maxWorkers, p.retryLimit == null ? NewBatch.DEFAULT_RETRY_LIMIT : p.retryLimit,
                p.onError == null ? OnErrorPolicy.CONTINUE : p.onError, p.batchName, p.manifest, p.summaries,
                p.summarySentences, p.summaryMethod, p.summaryPreset, p.summaryInstruction, p.maxVideoMinutes,
                p.captionLanguages, p.translatedCaptions, p.output, p.resume, p.batchId);
        if (p.mode == CliOptions.Mode.RUN || p.mode == CliOptions.Mode.DRY_RUN) {
            if (!options.hasInputs()) {
                throw new UsageException(p.mode == CliOptions.Mode.DRY_RUN ? "--dry-run" : "URL",
                        "give at least one URL, --urls-file, --playlist or --channel");
            }
        } else if (p.mode != CliOptions.Mode.HELP && options.hasInputs()) {
            // a mode other than RUN and DRY_RUN is only set together with the flag that chose it
            throw new UsageException(Objects.requireNonNull(p.modeFlag),
                    "takes no URLs or input files; the batch already has its videos");
        }
        return options;
    }

    /** The first unknown option (parsing stops there), with picocli's guesses at what was meant. */
    private static UsageException unknownOption(UnmatchedArgumentException e) {
        String arg = e.getUnmatched().isEmpty() ? "URL" : e.getUnmatched().getFirst();
        int eq = arg.indexOf('=');
        String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
        List<String> guesses = e.getSuggestions();
        String hint = guesses.isEmpty() ? ""
                : guesses.size() == 1 ? "; did you mean " + guesses.getFirst() + "?"
                : "; did you mean one of " + String.join(", ", guesses) + "?";
        return new UsageException(flag, "unknown option (see --help)" + hint);
    }

    /** Picocli's own errors name the option it was reading; the values' checks throw ours, which come out as is. */
    private static UsageException usageError(ParameterException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UsageException usage) {
                return usage;
            }
        }
        String flag = e.getArgSpec() instanceof CommandLine.Model.OptionSpec option ? option.longestName() : "URL";
        return new UsageException(flag, e.getMessage());
    }

    static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException(flag, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag, "must be a whole number, got '" + value + "'");
        }
    }

    /** Seconds from {@code 90}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 4:30} or {@code 1:02:03}. */
    static int duration(String flag, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher clock = CLOCK.matcher(v);
        if (clock.matches()) {
            int hours = clock.group(1) == null ? 0 : Integer.parseInt(clock.group(1));
            int minutes = Integer.parseInt(clock.group(2));
            int seconds = Integer.parseInt(clock.group(3));
            if (seconds >= 60 || (clock.group(1) != null && minutes >= 60)) {
                throw new UsageException(flag, "not a valid time: '" + value + "'");
            }
            return hours * 3600 + minutes * 60 + seconds;
        }
        Matcher unit = UNIT.matcher(v);
        if (unit.matches() && unit.group(1).length() <= 7) {
            int n = Integer.parseInt(unit.group(1));
            return switch (unit.group(2)) {
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n;
            };
        }
        throw new UsageException(flag, "must be a duration such as 90, 90s, 5m, 1h or 1:02:03, got '" + value + "'");
    }

    static LocalDate date(String flag, String value) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE)) {
            try {
                return LocalDate.parse(value.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new UsageException(flag, "must be a date as YYYY-MM-DD, got '" + value + "'");
    }

    static String text(String flag, String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(flag, "must be non-empty text without control characters");
        }
        return value;
    }

    static String name(String flag, String value) {
        String name = text(flag, value).strip();
        if (name.length() > NewBatch.MAX_NAME_LENGTH) {
            throw new UsageException(flag, "at most " + NewBatch.MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    static String oneOf(String flag, String value, List<String> allowed) {
        String normalized = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new UsageException(flag, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return normalized;
    }

    static String instruction(String flag, String value) {
        if (value.isBlank() || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new UsageException(flag, "must be non-empty text without control characters");
        }
        if (value.strip().length() > BatchOptions.MAX_INSTRUCTION_CHARS) {
            throw new UsageException(flag, "at most " + BatchOptions.MAX_INSTRUCTION_CHARS + " characters");
        }
        return value.strip();
    }

    /** {@code de,en} or {@code orig,en}: caption languages in order, as {@link BatchOptions#parseLanguages} reads them. */
    static List<String> languages(String flag, String value) {
        if (value.isBlank()) {
            throw new UsageException(flag, "give at least one language, such as de,en or orig");
        }
        try {
            return BatchOptions.parseLanguages(value);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new UsageException(flag, message.substring(message.indexOf(':') + 1).strip());
        }
    }

    static OnErrorPolicy policy(String flag, String value) {
        try {
            return OnErrorPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag, "must be continue, stop or retry, got '" + value + "'");
        }
    }

    static UUID uuid(String flag, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag, "must be a batch id such as 3f2b6c1e-0000-4000-8000-000000000000, got '"
                    + value + "'");
        }
    }
}
