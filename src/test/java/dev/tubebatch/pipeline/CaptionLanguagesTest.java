package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch's own caption languages through the real engine and the fake yt-dlp: the order decides, {@code orig} is the
 * language yt-dlp reports, machine translations only on request and only as a last resort; the transcript's kind
 * and language reach metadata.json and the manifest.
 */
@EngineTest
class CaptionLanguagesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EngineHarness engine;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    ExportService exports;

    @Test
    void the_batch_s_order_decides_between_german_and_english_and_orig_is_the_video_s_language() {
        // mul videos: spoken German, the uploader's de and en captions.
        Batch germanFirst = engine.create("de,en", options(List.of("de", "en"), false), "mulLANGDE01");
        Batch englishFirst = engine.create("en,de", options(List.of("en", "de"), false), "mulLANGEN01");
        Batch original = engine.create("orig,en", options(List.of("orig", "en"), false), "mulLANGOR01");
        Batch node = engine.create("node default", BatchOptions.DEFAULTS, "mulLANGND01");
        for (Batch batch : List.of(germanFirst, englishFirst, original, node)) {
            engine.awaitFinished(batch);
        }

        assertThat(transcript(germanFirst, "mulLANGDE01").language()).isEqualTo("de");
        assertThat(transcript(englishFirst, "mulLANGEN01").language()).isEqualTo("en");
        assertThat(transcript(original, "mulLANGOR01").language()).isEqualTo("de");
        assertThat(transcript(node, "mulLANGND01").language()).as("the node's en").isEqualTo("en");
        assertThat(transcript(germanFirst, "mulLANGDE01").source()).isEqualTo(TranscriptSource.CAPTIONS);
        assertThat(FakeYtDlp.argvs(FAKE).stream().filter(argv -> argv.contains("https://www.youtube.com/watch?v="
                + "mulLANGDE01") && argv.contains("--sub-langs")))
                .singleElement().satisfies(argv -> assertThat(argv).containsSubsequence("--sub-langs", "de", "--"));
    }

    @Test
    void a_machine_translation_is_never_taken_without_the_option_and_last_with_it() throws Exception {
        // aut videos: spoken English, automatic en, and de and fr as YouTube's translations (tlang=).
        Batch without = engine.create("de only", options(List.of("de"), false), "autLANGNO01");
        Batch with = engine.create("de translated", options(List.of("de"), true), "autLANGTR01");
        Batch own = engine.create("de,en translated", options(List.of("de", "en"), true), "autLANGEN01");
        for (Batch batch : List.of(without, with, own)) {
            engine.awaitFinished(batch);
        }

        assertThat(transcripts.find(engine.item(without, "autLANGNO01").id())).isEmpty();
        assertThat(engine.history().steps(engine.item(without, "autLANGNO01").id()).get(Step.CAPTIONS))
                .satisfies(step -> assertThat(step.outcome()).isEqualTo(StepOutcome.SKIPPED));
        Transcript translated = transcript(with, "autLANGTR01");
        assertThat(translated.source()).isEqualTo(TranscriptSource.TRANSLATED_CAPTIONS);
        assertThat(translated.language()).isEqualTo("de");
        assertThat(engine.item(with, "autLANGTR01").transcriptSource()).isEqualTo(TranscriptSource.TRANSLATED_CAPTIONS);
        assertThat(engine.history().steps(engine.item(with, "autLANGTR01").id()).get(Step.CAPTIONS).note())
                .startsWith("translated captions, de, ");
        Transcript english = transcript(own, "autLANGEN01");
        assertThat(english.source()).as("English has an automatic track of its own")
                .isEqualTo(TranscriptSource.AUTO_CAPTIONS);
        assertThat(english.language()).isEqualTo("en");

        Path folder = exports.ensureExported(with.id());
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile()).get("videos").get(0);
        assertThat(manifest.get("transcript_source").asString()).isEqualTo("translated_captions");
        assertThat(manifest.get("transcript_kind").asString()).isEqualTo("translated");
        assertThat(manifest.get("language").asString()).isEqualTo("de");
        Path metadataFile;
        try (Stream<Path> files = Files.walk(folder, 3)) {
            metadataFile = files.filter(p -> p.getFileName().toString().equals("metadata.json")).findFirst()
                    .orElseThrow();
        }
        JsonNode metadata = JSON.readTree(metadataFile.toFile());
        assertThat(metadata.get("transcript_source").asString()).isEqualTo("translated_captions");
        assertThat(metadata.get("transcript_kind").asString()).isEqualTo("translated");
        assertThat(metadata.get("language").asString()).isEqualTo("de");
    }

    private static BatchOptions options(List<String> languages, boolean translated) {
        return BatchOptions.DEFAULTS.withCaptions(languages, translated);
    }

    private Transcript transcript(Batch batch, String videoId) {
        return transcripts.find(engine.item(batch, videoId).id())
                .orElseThrow(() -> new AssertionError("no transcript for " + videoId + "\n" + engine.failures(batch)));
    }
}
