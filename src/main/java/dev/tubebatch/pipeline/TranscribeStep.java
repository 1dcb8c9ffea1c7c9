package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns the downloaded audio into a transcript, for videos without captions. */
@Component
class TranscribeStep extends PipelineStep {

    private final YtDlpClient ytDlp;
    private final TranscriptStore transcripts;
    private final ItemTracker tracker;
    private final ObjectProvider<SpeechToText> speechToText;
    private final InferenceTurns turns;

    TranscribeStep(YtDlpClient ytDlp, TranscriptStore transcripts, ItemTracker tracker,
            ObjectProvider<SpeechToText> speechToText, InferenceTurns turns) {
        super(Step.TRANSCRIBE);
        this.ytDlp = ytDlp;
        this.transcripts = transcripts;
        this.tracker = tracker;
        this.speechToText = speechToText;
        this.turns = turns;
    }

    @Override
    StepResult run(ItemContext context) {
        if (transcripts.find(context.item.id()).isPresent()) {
            return StepResult.skipped("captions used");
        }
        SpeechToText engine = speechToText.getIfAvailable();
        if (engine == null) {
            throw new PipelineException(ErrorKind.UNSUPPORTED, AudioStep.NO_SPEECH_TO_TEXT);
        }
        java.nio.file.Path audio;
        try {
            audio = context.downloadedAudio();
            if (audio == null) {
                // The audio of an earlier try lived on that try's node, or was cleaned up: fetch it again.
                context.audioDownloading();
                audio = ytDlp.downloadAudio(context.item.url(), context.workDirectory);
                context.audioDownloaded(audio);
            }
        } catch (YtDlpException e) {
            throw YtDlpFailures.toPipeline(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.nio.file.Path wav = audio;
        // Inference takes a slot (their number comes from the GPU memory or CPU cores, see ResourceAdvisor); while
        // none is free the video waits for one without holding its worker (InferenceTurns). The item shows the
        // part of the recording done.
        SpeechToText.Result result = turns.run(context.item, "transcribing " + context.item.videoId(),
                () -> engine.transcribe(wav, new StepProgress(tracker, context.item)));
        List<Segment> segments = result.segments().stream()
                .map(t -> new Segment(t.start(), Math.max(t.start(), t.end()), t.text())).toList();
        TranscriptSource source = TranscriptSource.valueOf(engine.engine().toUpperCase(Locale.ROOT));
        transcripts.save(new Transcript(context.item.id(), result.language(), source, segments));
        tracker.transcriptSource(context.item, source);
        return StepResult.done(engine.engine() + ", " + segments.size() + " segments");
    }
}
