package dev.tubebatch.cli;

import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code tubebatch batch}'s arguments. Every mistake is a {@link UsageException} naming the flag; nothing
 * is started before the whole line is understood. {@code --flag value} and {@code --flag=value} both work; after
 * {@code --} every argument is an input, even one that starts with a dash.
 */
public final class CliArguments {

    public static final String USAGE = """
            Usage: tubebatch batch [options] [URL|ID ...]

            Inputs (any mix, de-duplicated in order):
              URL|ID ...               video, playlist or channel URLs, or bare 11-character video ids
              --urls-file FILE         a file of URLs, one per line (# comments, CSV with a url column); repeatable
              --playlist URL           a playlist, expanded fully; repeatable
              --channel URL            a channel's newest videos (see --recent); repeatable
              --recent N               how many of each channel's newest videos (default 50)
            Filters:
              --min-duration D         at least D long (seconds, 90s, 5m, 1h, or h:mm:ss)
              --max-duration D         at most D long
              --after YYYY-MM-DD       uploaded on or after
              --before YYYY-MM-DD      uploaded on or before
              --title TEXT             title contains TEXT (any case)
              --exclude-title TEXT     title does not contain TEXT (any case)
              --no-shorts              leave out shorts
              --no-live                leave out live streams and upcoming premieres
            Batch options:
              --batch-name NAME        the batch's name
              --max-workers N          at most N of this batch's videos at once (default: the machine's limit)
              --retry-limit N          retries of a transient failure, 0 to 10 (default 3)
              --on-error POLICY        continue (default) | stop | retry
              --output DIR             where batch folders are written (default: output)
              --no-summary             no summaries for this batch
              --summary-sentences N    summary length in sentences, 1 to 20 (default: as configured)
              --output-manifest        print the path of the batch's manifest.json at the end (it is always written)
            Modes (instead of a new batch):
              --dry-run                print what would be processed, as JSON lines, and exit
              --resume ID|FILE         go on with a batch (its id, or its batch.json) from the last finished steps
              --retry-failed ID        run a batch's failed videos again
              --status ID              print a batch's progress and exit
              --help                   this text

            Exit codes: 0 all videos done, 1 some failed (or the batch was cancelled), 2 usage error,
                        3 stopped by --on-error stop.
            """;

    static final int DEFAULT_RECENT = dev.tubebatch.intake.PreviewRequest.DEFAULT_RECENT;
    private static final Set<String> VALUE_FLAGS = Set.of("--urls-file", "--playlist", "--channel", "--recent",
            "--min-duration", "--max-duration", "--after", "--before", "--title", "--exclude-title", "--max-workers",
            "--retry-limit", "--on-error", "--batch-name", "--output", "--resume", "--retry-failed", "--status",
            "--summary-sentences");
    private static final Set<String> MODE_FLAGS = Set.of("--dry-run", "--resume", "--retry-failed", "--status");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})");
    private static final Pattern UNIT = Pattern.compile("(\\d+)\\s*([smh]?)");

    private CliArguments() {}

    public static CliOptions parse(String... args) {
        List<String> urls = new ArrayList<>();
        List<Path> urlFiles = new ArrayList<>();
        List<String> playlists = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        Integer recent = null;
        Integer minDuration = null;
        Integer maxDuration = null;
        LocalDate after = null;
        LocalDate before = null;
        String title = null;
        String excludeTitle = null;
        boolean noShorts = false;
        boolean noLive = false;
        Integer maxWorkers = null;
        Integer retryLimit = null;
        OnErrorPolicy onError = null;
        String batchName = null;
        boolean manifest = false;
        boolean summaries = true;
        Integer summarySentences = null;
        Path output = null;
        String resume = null;
        UUID batchId = null;
        CliOptions.Mode mode = CliOptions.Mode.RUN;
        String modeFlag = null;

        boolean onlyInputs = false;
        for (int i = 0; i < args.length; i++) {
            // A flag that takes its value from the next argument moves past it: see skipValue below.
            String arg = args[i];
            if (onlyInputs || !arg.startsWith("-")) {
                urls.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyInputs = true;
                continue;
            }
            String flag = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (MODE_FLAGS.contains(flag)) {
                if (modeFlag != null) {
                    throw new UsageException(flag, "cannot be combined with " + modeFlag);
                }
                modeFlag = flag;
            }
            boolean takesValue = VALUE_FLAGS.contains(flag);
            switch (flag) {
                case "--help", "-h" -> mode = CliOptions.Mode.HELP;
                case "--urls-file" -> urlFiles.add(Path.of(value(flag, inline, args, i)));
                case "--playlist" -> playlists.add(value(flag, inline, args, i));
                case "--channel" -> channels.add(value(flag, inline, args, i));
                case "--recent" -> recent = number(flag, value(flag, inline, args, i), 1, 10_000);
                case "--min-duration" -> minDuration = duration(flag, value(flag, inline, args, i));
                case "--max-duration" -> maxDuration = duration(flag, value(flag, inline, args, i));
                case "--after" -> after = date(flag, value(flag, inline, args, i));
                case "--before" -> before = date(flag, value(flag, inline, args, i));
                case "--title" -> title = text(flag, value(flag, inline, args, i));
                case "--exclude-title" -> excludeTitle = text(flag, value(flag, inline, args, i));
                case "--no-shorts" -> noShorts = noValue(flag, inline);
                case "--no-live" -> noLive = noValue(flag, inline);
                case "--max-workers" -> maxWorkers = number(flag, value(flag, inline, args, i), 1, 256);
                case "--retry-limit" -> retryLimit = number(flag, value(flag, inline, args, i), 0,
                        NewBatch.MAX_RETRY_LIMIT);
                case "--on-error" -> onError = policy(flag, value(flag, inline, args, i));
                case "--batch-name" -> batchName = name(flag, value(flag, inline, args, i));
                case "--output-manifest" -> manifest = noValue(flag, inline);
                case "--no-summary" -> summaries = !noValue(flag, inline);
                case "--summary-sentences" -> summarySentences = number(flag, value(flag, inline, args, i), 1,
                        dev.tubebatch.batch.BatchOptions.MAX_SUMMARY_SENTENCES);
                case "--output" -> output = Path.of(value(flag, inline, args, i));
                case "--dry-run" -> {
                    noValue(flag, inline);
                    mode = CliOptions.Mode.DRY_RUN;
                }
                case "--resume" -> {
                    resume = value(flag, inline, args, i);
                    mode = CliOptions.Mode.RESUME;
                }
                case "--retry-failed" -> {
                    batchId = uuid(flag, value(flag, inline, args, i));
                    mode = CliOptions.Mode.RETRY_FAILED;
                }
                case "--status" -> {
                    batchId = uuid(flag, value(flag, inline, args, i));
                    mode = CliOptions.Mode.STATUS;
                }
                default -> throw new UsageException(flag, "unknown option (see --help)");
            }
            if (takesValue && inline == null) {
                i++;
            }
        }

        CliOptions.Filters filters = new CliOptions.Filters(minDuration, maxDuration, after, before, title,
                excludeTitle, noShorts, noLive);
        if (minDuration != null && maxDuration != null && minDuration > maxDuration) {
            throw new UsageException("--min-duration", "is longer than --max-duration");
        }
        if (after != null && before != null && after.isAfter(before)) {
            throw new UsageException("--after", "is later than --before");
        }
        if (!summaries && summarySentences != null) {
            throw new UsageException("--summary-sentences", "cannot be combined with --no-summary");
        }
        if (recent != null && channels.isEmpty()) {
            throw new UsageException("--recent", "applies to --channel, and no channel was given");
        }
        CliOptions options = new CliOptions(mode, List.copyOf(urls), List.copyOf(urlFiles), List.copyOf(playlists),
                List.copyOf(channels), recent == null ? DEFAULT_RECENT : recent, filters, maxWorkers,
                retryLimit == null ? NewBatch.DEFAULT_RETRY_LIMIT : retryLimit,
                onError == null ? OnErrorPolicy.CONTINUE : onError, batchName, manifest, summaries, summarySentences, output,
                resume, batchId);
        if (mode == CliOptions.Mode.RUN || mode == CliOptions.Mode.DRY_RUN) {
            if (!options.hasInputs()) {
                throw new UsageException(mode == CliOptions.Mode.DRY_RUN ? "--dry-run" : "URL",
                        "give at least one URL, --urls-file, --playlist or --channel");
            }
        } else if (mode != CliOptions.Mode.HELP && options.hasInputs()) {
            // Only the mode flags choose these modes, so one was given.
            throw new UsageException(Objects.requireNonNull(modeFlag),
                    "takes no URLs or input files; the batch already has its videos");
        }
        return options;
    }

    private static String value(String flag, @Nullable String inline, String[] args, int i) {
        if (inline != null) {
            if (inline.isEmpty()) {
                throw new UsageException(flag, "needs a value");
            }
            return inline;
        }
        if (i + 1 >= args.length || (args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
            throw new UsageException(flag, "needs a value");
        }
        return args[i + 1];
    }

    /** A flag without a value; for those consuming the next argument the caller advances past it. */
    private static boolean noValue(String flag, @Nullable String inline) {
        if (inline != null) {
            throw new UsageException(flag, "takes no value");
        }
        return true;
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
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
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

    private static String text(String flag, String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(flag, "must be non-empty text without control characters");
        }
        return value;
    }

    private static String name(String flag, String value) {
        String name = text(flag, value).strip();
        if (name.length() > NewBatch.MAX_NAME_LENGTH) {
            throw new UsageException(flag, "at most " + NewBatch.MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static OnErrorPolicy policy(String flag, String value) {
        try {
            return OnErrorPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag, "must be continue, stop or retry, got '" + value + "'");
        }
    }

    private static UUID uuid(String flag, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag, "must be a batch id such as 3f2b6c1e-0000-4000-8000-000000000000, got '"
                    + value + "'");
        }
    }
}
