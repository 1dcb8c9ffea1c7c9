package dev.tubebatch.cli;

import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.format.Durations;
import dev.tubebatch.search.SearchHit;
import dev.tubebatch.search.SearchPage;
import dev.tubebatch.search.SearchQuery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tubebatch search WORDS... [--channel NAME] [--batch ID] [--from DATE] [--to DATE] [--source S] [--page N]
 * [--size N] [--json]}: parses the line (usage errors name the flag), and prints a page of hits, as text or as one
 * JSON object per line.
 */
final class SearchCommand {

    /** What the options set; null means "not given". */
    @Command(name = "tubebatch search", sortOptions = false, usageHelpWidth = 100,
            description = "Searches the stored transcripts. Words as in a web search: \"a phrase\", or, -word.")
    static final class Spec {
        @Parameters(paramLabel = "WORDS", arity = "0..*", description = "what to search for")
        List<String> words = new ArrayList<>();
        @Option(names = "--channel", paramLabel = "NAME", description = "only videos of this channel")
        @Nullable String channel;
        @Option(names = "--batch", paramLabel = "ID", description = "only videos of this batch")
        @Nullable String batch;
        @Option(names = "--from", paramLabel = "DATE", description = "only videos uploaded on or after this day")
        @Nullable String from;
        @Option(names = "--to", paramLabel = "DATE", description = "only videos uploaded on or before this day")
        @Nullable String to;
        @Option(names = "--source", paramLabel = "SOURCE",
                description = "only transcripts from captions, auto_captions, moonshine or whisper")
        @Nullable String source;
        @Option(names = "--page", paramLabel = "N", description = "the page, from 1 (default 1)")
        @Nullable String page;
        @Option(names = "--size", paramLabel = "N", description = "hits per page (default 20)")
        @Nullable String size;
        @Option(names = "--json", description = "one JSON object per hit")
        boolean json;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    /** A parsed line: the query, or null for {@code --help}. */
    record Parsed(@Nullable SearchQuery query, boolean json) {}

    private SearchCommand() {}

    static String usage() {
        return new CommandLine(new Spec()).getUsageMessage();
    }

    static Parsed parse(String... args) {
        Spec spec = new Spec();
        CommandLine line = new CommandLine(spec);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            String flag = e.getArgSpec() instanceof CommandLine.Model.OptionSpec option ? option.longestName()
                    : "WORDS";
            throw new UsageException(flag, e.getMessage());
        }
        if (spec.help) {
            return new Parsed(null, false);
        }
        String text = String.join(" ", spec.words).strip();
        if (text.isEmpty()) {
            throw new UsageException("WORDS", "say what to search for");
        }
        try {
            return new Parsed(new SearchQuery(text, spec.channel,
                    spec.batch == null ? null : CliArguments.uuid("--batch", spec.batch),
                    spec.from == null ? null : CliArguments.date("--from", spec.from),
                    spec.to == null ? null : CliArguments.date("--to", spec.to), source(spec.source),
                    spec.page == null ? 0 : CliArguments.number("--page", spec.page, 1, SearchQuery.MAX_PAGE + 1) - 1,
                    spec.size == null ? SearchQuery.DEFAULT_SIZE
                            : CliArguments.number("--size", spec.size, 1, SearchQuery.MAX_SIZE)), spec.json);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(':');
            String field = colon > 0 ? message.substring(0, colon) : "WORDS";
            throw new UsageException(field.equals("q") ? "WORDS" : "--" + field,
                    colon > 0 ? message.substring(colon + 1).strip() : message);
        }
    }

    private static @Nullable TranscriptSource source(@Nullable String source) {
        if (source == null) {
            return null;
        }
        try {
            return TranscriptSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source", "must be one of " + Arrays.stream(TranscriptSource.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + source + "'");
        }
    }

    /** Prints the page; the answer is the exit code (1 when nothing was found, as grep does). */
    static int print(SearchPage page, boolean json, PrintStream out) {
        JsonMapper mapper = JsonMapper.builder().build();
        int number = page.query().page() * page.query().size();
        for (SearchHit hit : page.hits()) {
            number++;
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("video_id", hit.videoId());
                line.put("title", hit.title());
                line.put("channel", hit.channel());
                line.put("upload_date", hit.uploadDate() == null ? null : hit.uploadDate().toString());
                line.put("batch_id", hit.batchId().toString());
                line.put("batch_name", hit.batchName());
                line.put("source", hit.source().name().toLowerCase(Locale.ROOT));
                line.put("language", hit.language());
                line.put("start_seconds", hit.startSeconds());
                line.put("link", hit.deepLink());
                line.put("snippet", hit.snippetText());
                line.put("rank", hit.rank());
                out.println(mapper.writeValueAsString(line));
            } else {
                out.println(number + ". " + (hit.title() == null ? hit.videoId() : hit.title())
                        + (hit.channel() == null ? "" : " (" + hit.channel() + ")")
                        + (hit.uploadDate() == null ? "" : ", " + hit.uploadDate())
                        + ", batch " + hit.batchName());
                out.println("   " + Durations.timestamp(hit.startSeconds()) + "  " + hit.deepLink());
                out.println("   " + hit.snippetText());
            }
        }
        if (!json && page.hasMore()) {
            out.println("More: --page " + (page.query().page() + 2));
        }
        return page.hits().isEmpty() ? BatchCommand.FAILURES : BatchCommand.OK;
    }
}
