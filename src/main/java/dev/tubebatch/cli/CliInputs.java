package dev.tubebatch.cli;

import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.intake.UrlList;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    Resolved resolve(CliOptions options) {
        Map<String, NewBatch.NewVideo> videos = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        List<String> arguments = new ArrayList<>(options.urls());
        arguments.addAll(options.playlists());
        arguments.addAll(options.channels());
        if (!arguments.isEmpty()) {
            add(intake.preview(String.join("\n", arguments)), line -> "argument " + line, videos, sources, rejected);
        }
        for (Path file : options.urlFiles()) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UsageException("--urls-file", "cannot read " + file + ": " + e.getMessage());
            }
            add(intake.preview(content), line -> file.getFileName() + " line " + line, videos, sources, rejected);
        }
        return new Resolved(List.copyOf(videos.values()), List.copyOf(sources.values()), rejected);
    }

    private static void add(IntakeService.Preview preview, java.util.function.IntFunction<String> source,
            Map<String, NewBatch.NewVideo> videos, Map<String, String> sources, List<Rejected> rejected) {
        int index = 0;
        for (NewBatch.NewVideo video : preview.videos()) {
            index++;
            if (videos.putIfAbsent(video.videoId(), video) == null) {
                sources.put(video.videoId(), source.apply(index));
            } else {
                rejected.add(new Rejected(source.apply(index), video.url(),
                        "duplicate of " + sources.get(video.videoId())));
            }
        }
        for (UrlList.Rejection r : preview.rejections()) {
            rejected.add(new Rejected(source.apply(r.line()), r.text(), r.reason()));
        }
    }
}
