package dev.tubebatch.cli;

import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.intake.PreviewResult;
import java.time.Duration;
import java.util.function.Function;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns the command line's inputs into the videos of a batch through intake, keeping where each line came from. */
final class CliInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntakeService intake;

    CliInputs(IntakeService intake) {
        this.intake = intake;
    }

    /** A line left out: where it came from (an argument, a file and line), its text and why. */
    record Rejected(String source, String text, String reason) {}

    /** The videos in order, de-duplicated across all inputs, and every line left out. */
    record Resolved(List<NewBatch.NewVideo> videos, List<String> sources, List<Rejected> rejected) {

        List<String> rejectionLines() {
            return rejected.stream().map(r -> r.source() + ": " + r.reason() + " (" + r.text() + ")").toList();
        }

        /** The dry run's output: one JSON object per video, then one per line left out. */
        void printJsonLines(PrintStream out) {
            for (int i = 0; i < videos.size(); i++) {
                ObjectNode line = JSON.createObjectNode();
                line.put("type", "video");
                line.put("position", i + 1);
                line.put("videoId", videos.get(i).videoId());
                line.put("url", videos.get(i).url());
                line.put("source", sources.get(i));
                out.println(JSON.writeValueAsString(line));
            }
            for (Rejected r : rejected) {
                ObjectNode line = JSON.createObjectNode();
                line.put("type", "rejected");
                line.put("source", r.source());
                line.put("text", r.text());
                line.put("reason", r.reason());
                out.println(JSON.writeValueAsString(line));
            }
        }
    }

    /**
     * One dry run over the arguments (URLs, playlists, channels, in that order) and one per URL file, merged in
     * that order with duplicates across them left out; the filters and the channel limit apply to each.
     */
    Resolved resolve(CliOptions options) {
        Map<String, NewBatch.NewVideo> videos = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        PreviewRequest.Filters filters = filters(options.filters());
        List<String> arguments = new ArrayList<>(options.urls());
        arguments.addAll(options.playlists());
        arguments.addAll(options.channels());
        if (!arguments.isEmpty()) {
            PreviewResult result = intake.preview(new PreviewRequest(String.join("\n", arguments), null, "",
                    options.recent(), filters));
            add(result, source -> "argument " + source.line() + entry(source), videos, sources, rejected);
        }
        for (Path file : options.urlFiles()) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UsageException("--urls-file", "cannot read " + file + ": " + e.getMessage());
            }
            String name = String.valueOf(file.getFileName());
            PreviewResult result;
            try {
                result = intake.preview(new PreviewRequest("", content, name, options.recent(), filters));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--urls-file", e.getMessage());
            }
            add(result, source -> name + " line " + source.line() + entry(source), videos, sources, rejected);
        }
        return new Resolved(List.copyOf(videos.values()), List.copyOf(sources.values()), rejected);
    }

    static PreviewRequest.Filters filters(CliOptions.Filters f) {
        return new PreviewRequest.Filters(seconds(f.minDurationSeconds()), seconds(f.maxDurationSeconds()), f.after(),
                f.before(), f.titleContains(), f.titleExcludes(), f.noShorts(), f.noLive(), true);
    }

    private static @Nullable Duration seconds(@Nullable Integer value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    private static String entry(PreviewResult.Source source) {
        return source.entry() == null ? "" : ", entry " + source.entry();
    }

    private static void add(PreviewResult result, Function<PreviewResult.Source, String> label,
            Map<String, NewBatch.NewVideo> videos, Map<String, String> sources, List<Rejected> rejected) {
        for (PreviewResult.PreviewVideo video : result.videos()) {
            NewBatch.NewVideo newVideo = new NewBatch.NewVideo(video.url(), video.videoId());
            if (videos.putIfAbsent(video.videoId(), newVideo) == null) {
                sources.put(video.videoId(), label.apply(video.source()));
            } else {
                rejected.add(new Rejected(label.apply(video.source()), video.url(),
                        "duplicate of " + sources.get(video.videoId())));
            }
        }
        for (PreviewResult.Skipped skipped : result.skipped()) {
            rejected.add(new Rejected(label.apply(skipped.source()), skipped.text(), skipped.reason()));
        }
    }
}
