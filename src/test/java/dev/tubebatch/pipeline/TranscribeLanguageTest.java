package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.TinyGraphs;
import dev.tubebatch.inference.speech.SilenceChunker;
import dev.tubebatch.inference.speech.WhisperModel;
import dev.tubebatch.inference.speech.WhisperSpeechToText;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.YtDlpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The language speech to text hears is the transcript's: TRANSCRIBE with Whisper on the tiny generated model (which
 * detects German) stores "de" with the WHISPER source. The engine's own context has no speech engine, so the step is
 * made here with one, and run on an item of a cancelled batch (no job of the engine touches it).
 */
@EngineTest
class TranscribeLanguageTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    BatchService batches;

    @Autowired
    YtDlpClient ytDlp;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    ItemTracker tracker;

    @Autowired
    InferenceTurns turns;

    @Test
    void whisper_s_detected_language_is_stored_with_the_transcript() throws Exception {
        Path model = TinyGraphs.generate("make_tiny_whisper.py", "whisper");
        Batch batch = engine.create("Whisper language", BatchOptions.DEFAULTS, "nocWHISPER1");
        batches.cancel(batch.id());
        VideoItem item = engine.item(batch, "nocWHISPER1");
        Path work = Files.createDirectories(Path.of("target", "test-work", "whisper-language"));
        ItemContext context = new ItemContext(batch, item, work);
        context.audio = wav(model.resolve("mel_signal.f32"), work.resolve("audio.wav"));

        try (WhisperModel whisper = WhisperModel.load(model, ExecutionProviders.cpu(1))) {
            SpeechToText speech = new WhisperSpeechToText(() -> whisper, SilenceChunker.standard(), null);
            TranscribeStep step = new TranscribeStep(ytDlp, transcripts, tracker,
                    new StaticListableBeanFactory(Map.of("speech", speech)).getBeanProvider(SpeechToText.class),
                    turns);
            step.run(context);
        }

        Transcript transcript = transcripts.find(item.id()).orElseThrow();
        assertThat(transcript.language()).isEqualTo("de");
        assertThat(transcript.source()).isEqualTo(TranscriptSource.WHISPER);
        assertThat(transcript.source().kind()).isEqualTo("speech-to-text");
        assertThat(transcript.plainText()).contains("hello world");
    }

    /** The generator's float signal as the 16 kHz mono 16-bit WAV the AUDIO step leaves, a second of silence first. */
    private static Path wav(Path floats, Path out) throws Exception {
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(floats)).order(ByteOrder.LITTLE_ENDIAN);
        int lead = 16_000;
        int samples = lead + raw.remaining() / 4;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < lead; i++) {
            wav.putShort((short) 0);
        }
        while (raw.remaining() >= 4) {
            wav.putShort((short) Math.round(Math.max(-1, Math.min(1, raw.getFloat())) * 32767));
        }
        Files.write(out, wav.array());
        return out;
    }
}
