package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.BatchStateFile;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.export.render.PdfText;
import dev.tubebatch.intake.IntakeLimits;
import dev.tubebatch.intake.UrlListReader;
import dev.tubebatch.intake.YouTubeRef;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outputs of a finished batch with completed and failed videos, made by the real engine with the fake yt-dlp:
 * every file checked by content, the state file read back into a resume, the ZIP and the PDF opened again.
 */
@EngineTest
class ExportIntegrationTest {

    /** A title with traversal, a device name, a separator, a bidi override, RTL text, Markdown and emoji. */
    static final String HOSTILE = "../../CON/\u202Eשלום עולם *bold* | <b>x</b> " + "😀".repeat(300);
    static final String SUMMARY = "The export summary: this video greets its viewers and explains nothing else.";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EngineHarness engine;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    ExportService exports;

    @BeforeAll
    static void hostileTitle() throws Exception {
        Process fake = new ProcessBuilder(FAKE.toString(), "-J", "--",
                "https://www.youtube.com/watch?v=capEXPORT01").start();
        byte[] json = fake.getInputStream().readAllBytes();
        assertThat(fake.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ObjectNode metadata = (ObjectNode) JSON.readTree(json);
        metadata.put("title", HOSTILE);
        metadata.put("fulltitle", HOSTILE);
        Path videos = Files.createDirectories(FAKE.getParent().resolve("videos"));
        Files.writeString(videos.resolve("capEXPORT01.json"), JSON.writeValueAsString(metadata));
    }

    @Test
    void a_finished_batch_gets_every_file_with_the_right_content() throws Exception {
        Batch batch = engine.create("Export éè", 1, "capEXPORT01", "autEXPORT02", "prvEXPORT03", "429EXPORT04",
                "nocEXPORT05");
        engine.awaitFinished(batch);
        assertThat(engine.queries().get(batch.id()).status()).as(engine.failures(batch)).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);

        // The follower writes the state file (and, the batch being finished, the whole folder) by itself.
        Path folder = exports.folder(batch.id());
        Eventually.within(Duration.ofSeconds(30), "the state file to show the finished batch", () -> {
            try {
                return Files.exists(folder.resolve("batch.json"))
                        && JSON.readTree(folder.resolve("batch.json").toFile()).get("pending").asInt() == 0;
            } catch (RuntimeException e) {
                return false;
            }
        });

        VideoItem cap = engine.item(batch, "capEXPORT01");
        transcripts.save(new Summary(cap.id(), "test", SUMMARY, List.of("Point one", "Point two")));
        assertThat(exports.ensureExported(batch.id())).isEqualTo(folder);

        assertThat(folder.getParent().getFileName().toString()).isEqualTo("pipeline");
        assertThat(folder.getFileName().toString()).matches("export-éè-[0-9a-f-]+-\\d{8}-\\d{6}-"
                + batch.id().toString().substring(0, 8));
        for (String file : OutputLayout.BATCH_FILES) {
            assertThat(folder.resolve(file)).isRegularFile();
        }

        checkStateFile(batch, folder);
        checkManifest(folder);
        checkStats(folder);
        checkErrors(folder);
        checkFailedUrls(batch, folder);
        checkVideoFolders(batch, folder);
        checkPdf(folder.resolve("combined.pdf"));
    }

    private void checkStateFile(Batch batch, Path folder) throws IOException {
        JsonNode state = JSON.readTree(folder.resolve("batch.json").toFile());
        assertThat(state.get("batch_id").asString()).isEqualTo(batch.id().toString());
        assertThat(state.get("total").asInt()).isEqualTo(5);
        assertThat(state.get("completed").asInt()).isEqualTo(2);
        assertThat(state.get("failed").asInt()).isEqualTo(3);
        assertThat(state.get("pending").asInt()).isZero();
        JsonNode videos = state.get("videos");
        assertThat(videos).hasSize(5);
        JsonNode first = videos.get(0);
        assertThat(first.get("url").asString()).isEqualTo("https://www.youtube.com/watch?v=capEXPORT01");
        assertThat(first.get("status").asString()).isEqualTo("completed");
        assertThat(folder.resolve(first.get("output_file").asString())).isRegularFile()
                .hasFileName("transcript.md");
        assertThat(first.get("processing_time").asDouble()).isPositive();
        JsonNode limited = videos.get(3);
        assertThat(limited.get("status").asString()).isEqualTo("failed");
        assertThat(limited.get("error").asString()).contains("429");
        assertThat(limited.get("retry_count").asInt()).isEqualTo(1);
        assertThat(videos.get(2).get("retry_count").asInt()).isZero();
        assertThat(videos.get(2).get("error").asString()).containsIgnoringCase("private");

        // Resume: the file alone gives back the batch and what is left to do.
        BatchStateFile read = BatchStateFile.read(folder.resolve("batch.json"));
        assertThat(read.batchId()).isEqualTo(batch.id());
        assertThat(engine.queries().get(read.batchId()).name()).isEqualTo(batch.name());
        assertThat(read.urls()).containsExactlyElementsOf(engine.queries().items(batch.id()).stream().map(VideoItem::url)
                .toList());
        assertThat(read.unfinishedUrls()).containsExactly("https://www.youtube.com/watch?v=prvEXPORT03",
                "https://www.youtube.com/watch?v=429EXPORT04", "https://www.youtube.com/watch?v=nocEXPORT05");
    }

    private void checkManifest(Path folder) throws IOException {
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.get("folder").asString()).isEqualTo(folder.getFileName().toString());
        JsonNode videos = manifest.get("videos");
        assertThat(videos).hasSize(5);
        JsonNode cap = videos.get(0);
        assertThat(cap.get("video_id").asString()).isEqualTo("capEXPORT01");
        assertThat(cap.get("title").asString()).isEqualTo(HOSTILE);
        assertThat(cap.get("channel").asString()).isEqualTo("Fake Channel");
        assertThat(cap.get("duration_seconds").asInt()).isPositive();
        assertThat(cap.get("upload_date").asString()).matches("2024-\\d\\d-\\d\\d");
        assertThat(cap.get("status").asString()).isEqualTo("completed");
        assertThat(cap.get("transcript_source").asString()).isEqualTo("captions");
        assertThat(cap.get("language").asString()).isEqualTo("en");
        assertThat(cap.get("summary").asString()).isEqualTo("test");
        assertThat(cap.get("attempts").asInt()).isEqualTo(1);
        assertThat(cap.get("files")).hasSize(7);
        for (JsonNode file : cap.get("files")) {
            assertThat(folder.resolve(file.asString())).isRegularFile();
        }
        JsonNode steps = cap.get("step_times");
        assertThat(steps.get("captions").get("outcome").asString()).isEqualTo("done");
        assertThat(steps.get("captions").get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(steps.get("audio").get("outcome").asString()).isEqualTo("skipped");
        assertThat(steps.get("summarize").get("note").asString()).isEqualTo(SummarizeStep.NO_SUMMARIZER);
        assertThat(videos.get(1).get("transcript_source").asString()).isEqualTo("auto_captions");
        assertThat(videos.get(1).get("transcript_kind").asString()).isEqualTo("automatic");
        JsonNode prv = videos.get(2);
        assertThat(prv.get("status").asString()).isEqualTo("failed");
        assertThat(prv.get("files")).isEmpty();
        assertThat(prv.get("error").asString()).containsIgnoringCase("private");
        assertThat(videos.get(4).get("error").asString()).isEqualTo(AudioStep.NO_SPEECH_TO_TEXT);
    }

    private void checkStats(Path folder) throws IOException {
        JsonNode stats = JSON.readTree(folder.resolve("stats.json").toFile());
        JsonNode totals = stats.get("totals");
        assertThat(totals.get("videos").asInt()).isEqualTo(5);
        assertThat(totals.get("completed").asInt()).isEqualTo(2);
        assertThat(totals.get("failed").asInt()).isEqualTo(3);
        assertThat(totals.get("attempts").asInt()).isEqualTo(6); // the 429 video tried twice
        assertThat(totals.get("retries").asInt()).isEqualTo(1);
        assertThat(stats.get("wall_time_seconds").asDouble()).isPositive();
        assertThat(stats.get("throughput_videos_per_minute").asDouble()).isPositive();
        JsonNode captions = stats.get("steps").get("captions");
        assertThat(captions.get("count").asInt()).isEqualTo(2); // cap and aut; noc found none (not DONE)
        assertThat(captions.get("median_seconds").asDouble())
                .isLessThanOrEqualTo(captions.get("p95_seconds").asDouble());
        assertThat(stats.get("steps").has("transcribe")).isFalse();
        assertThat(stats.get("workers").get("peak_concurrent").asInt()).isBetween(1, 4);
        assertThat(stats.get("inference_slots").get("peak_concurrent").asInt()).isZero();
        assertThat(stats.get("machine").get("cpu_cores").asInt()).isPositive();
    }

    private void checkErrors(Path folder) throws IOException {
        JsonNode errors = JSON.readTree(folder.resolve("errors.json").toFile());
        assertThat(errors.get("failed").asInt()).isEqualTo(3);
        JsonNode limited = errors.get("videos").get(1);
        assertThat(limited.get("video_id").asString()).isEqualTo("429EXPORT04");
        assertThat(limited.get("error_kind").asString()).isEqualTo("rate_limited");
        JsonNode attempts = limited.get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("retry");
        assertThat(attempts.get(0).get("retry_at").isNull()).isFalse();
        assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("failed");
        assertThat(attempts.get(1).get("step").asString()).isEqualTo("resolve");
        assertThat(attempts.get(1).get("message").asString()).contains("429");
        assertThat(attempts.get(1).get("stderr_tail").asString()).contains("Too Many Requests");
        assertThat(attempts.get(1).get("started_at").asString()).matches("\\d{4}-.*Z");

        String md = Files.readString(folder.resolve("errors.md"));
        assertThat(md).startsWith("# Errors: Export éè").contains("3 videos failed.")
                .contains("## 3. prvEXPORT03").contains("## 4. 429EXPORT04")
                .contains("<https://www.youtube.com/watch?v=429EXPORT04>")
                .containsPattern("\\| 1 \\| Metadata \\| \\d{4}-[^|]+ \\| RATE_LIMITED \\| [^|]*429")
                .contains("| 2 | Metadata |").contains("UNSUPPORTED");
    }

    private void checkFailedUrls(Batch batch, Path folder) throws IOException {
        String text = Files.readString(folder.resolve("failed-urls.txt"));
        assertThat(text).startsWith("# Failed videos of batch").contains(batch.id().toString());
        var list = new UrlListReader(IntakeLimits.defaults()).read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(list.rejections()).isEmpty();
        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId)
                .containsExactly("prvEXPORT03", "429EXPORT04", "nocEXPORT05");
    }

    private void checkVideoFolders(Batch batch, Path folder) throws IOException {
        Path videos = folder.resolve("videos");
        try (Stream<Path> list = Files.list(videos)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("001-capEXPORT01-con-שלום-עולם-bold-b-x-b", "002-autEXPORT02-fake-video-autexport02");
        }
        Path cap = videos.resolve("001-capEXPORT01-con-שלום-עולם-bold-b-x-b");
        String stored = transcripts.find(engine.item(batch, "capEXPORT01").id()).orElseThrow().segments().getFirst().text();
        assertThat(stored).isEqualTo("Welcome to fake video capEXPORT01.");

        assertThat(Files.readString(cap.resolve("transcript.md"))).startsWith("# ../../CON/").contains("\\*bold\\*")
                .contains("\\<b\\>").contains("## Summary\n\n" + SUMMARY).contains("- Point one")
                .contains("**[00:00]** Welcome to fake video capEXPORT01.");
        assertThat(Files.readString(cap.resolve("transcript.txt"))).startsWith("Welcome to fake video capEXPORT01.\n");
        assertThat(Files.readString(cap.resolve("transcript.srt")))
                .matches("(?s)1\\n00:00:\\d\\d,\\d{3} --> 00:00:\\d\\d,\\d{3}\\nWelcome to fake video capEXPORT01\\.\\n\\n2\\n.*");
        assertThat(Files.readString(cap.resolve("transcript.vtt")))
                .matches("(?s)WEBVTT\\nLanguage: en\\n\\n00:00:\\d\\d\\.\\d{3} --> 00:00:\\d\\d\\.\\d{3}\\nWelcome to fake video capEXPORT01\\.\\n\\n.*");
        JsonNode segments = JSON.readTree(cap.resolve("transcript.json").toFile());
        assertThat(segments.get("source").asString()).isEqualTo("captions");
        assertThat(segments.get("segments")).hasSize(transcripts.find(engine.item(batch, "capEXPORT01").id()).orElseThrow()
                .segments().size());
        assertThat(segments.get("segments").get(0).get("text").asString()).isEqualTo(stored);
        assertThat(Files.readString(cap.resolve("summary.md"))).contains(SUMMARY).contains("## Key points")
                .contains("- Point two");
        JsonNode metadata = JSON.readTree(cap.resolve("metadata.json").toFile());
        assertThat(metadata.get("title").asString()).isEqualTo(HOSTILE);
        assertThat(metadata.get("video_id").asString()).isEqualTo("capEXPORT01");
        assertThat(metadata.get("transcript_source").asString()).isEqualTo("captions");
        assertThat(metadata.get("transcript_kind").asString()).isEqualTo("manual");
        assertThat(metadata.get("language").asString()).isEqualTo("en");

        Path aut = videos.resolve("002-autEXPORT02-fake-video-autexport02");
        assertThat(Files.readString(aut.resolve("summary.md")))
                .contains("No summary was made: " + SummarizeStep.NO_SUMMARIZER);
        assertThat(Files.readString(aut.resolve("transcript.txt"))).startsWith("Welcome to fake video autEXPORT02");
    }

    private void checkPdf(Path pdf) throws Exception {
        List<PdfText.Bookmark> outline = PdfText.outline(pdf);
        assertThat(outline).extracting(PdfText.Bookmark::title).hasSize(5)
                .contains("2. Fake video autEXPORT02", "3. prvEXPORT03", "4. 429EXPORT04", "5. Fake video nocEXPORT05");
        String first = outline.getFirst().title();
        assertThat(first).startsWith("1. ../../CON/שלום עולם *bold* | <b>x</b> 😀").endsWith("…");
        assertThat(first.codePointCount(0, first.length())).isLessThanOrEqualTo(120 + 4);
        String capPage = PdfText.page(pdf, outline.getFirst().page());
        assertThat(capPage.replaceAll("\\s+", " ")).contains(SUMMARY).contains("Point one")
                .contains("[00:00] Welcome to fake video capEXPORT01.");
        assertThat(PdfText.page(pdf, outline.get(3).page())).contains("429");
    }

    @Test
    void a_deleted_folder_comes_back_from_the_database_and_an_up_to_date_one_is_left_alone() throws Exception {
        Batch batch = engine.create("Rebuild", 0, "capREBUILD1", "prvREBUILD2");
        engine.awaitFinished(batch);
        Path folder = exports.ensureExported(batch.id());
        Path pdf = folder.resolve("combined.pdf");
        var written = Files.getLastModifiedTime(pdf);

        Thread.sleep(20);
        assertThat(exports.ensureExported(batch.id())).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(pdf)).as("an up-to-date export is not written again").isEqualTo(written);

        deleteTree(folder);
        assertThat(folder).doesNotExist();
        exports.ensureExported(batch.id());
        for (String file : OutputLayout.BATCH_FILES) {
            assertThat(folder.resolve(file)).isRegularFile();
        }
        assertThat(folder.resolve("videos").resolve("001-capREBUILD1-fake-video-caprebuild1")
                .resolve("transcript.srt")).isRegularFile();
        assertThat(BatchStateFile.read(folder.resolve("batch.json")).unfinishedUrls())
                .containsExactly("https://www.youtube.com/watch?v=prvREBUILD2");
    }

    @Test
    void the_zip_holds_the_batch_or_a_selection_and_every_entry_stays_inside_its_root() throws Exception {
        Batch batch = engine.create("Zip", 0, "capZIPZIP01", "autZIPZIP02", "prvZIPZIP03");
        engine.awaitFinished(batch);
        String root = exports.folder(batch.id()).getFileName().toString();

        List<String> all = entries(exports, batch, null, root);
        assertThat(all).contains(root + "/batch.json", root + "/manifest.json", root + "/stats.json",
                root + "/errors.json", root + "/errors.md", root + "/failed-urls.txt", root + "/combined.pdf");
        for (String file : OutputLayout.VIDEO_FILES) {
            assertThat(all).contains(root + "/videos/001-capZIPZIP01-fake-video-capzipzip01/" + file,
                    root + "/videos/002-autZIPZIP02-fake-video-autzipzip02/" + file);
        }
        assertThat(all).hasSize(7 + 2 * 7).noneMatch(n -> n.contains(".export-stamp") || n.contains(".tmp-"));

        List<String> some = entries(exports, batch, List.of("autZIPZIP02"), root);
        assertThat(some).hasSize(7 + 7).anyMatch(n -> n.contains("/002-autZIPZIP02-"))
                .noneMatch(n -> n.contains("/001-capZIPZIP01-"));

        assertThatThrownBy(() -> exports.writeZip(batch.id(), List.of("../../etc"), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a video of this batch");
    }

    /** The entry names of a ZIP, each checked to unpack inside {@code root}. */
    private static List<String> entries(ExportService exports, Batch batch, List<String> videos, String root)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exports.writeZip(batch.id(), videos, bytes);
        List<String> names = new ArrayList<>();
        Path target = Path.of("/unpack").toAbsolutePath();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                assertThat(target.resolve(name).normalize().startsWith(target.resolve(root))).as(name).isTrue();
                assertThat(name).doesNotContain("\\").doesNotContain("..").doesNotStartWith("/");
                assertThat(zip.readAllBytes().length).as(name).isPositive();
                names.add(name);
            }
        }
        return names;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
