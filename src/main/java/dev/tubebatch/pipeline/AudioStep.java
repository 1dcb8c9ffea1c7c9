package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Downloads the audio as 16 kHz mono WAV, only for videos without captions; the item shows the download's percent. */
@Component
class AudioStep extends PipelineStep {

    static final String NO_SPEECH_TO_TEXT = "No captions, and no speech-to-text engine is available "
            + "(tubebatch.inference.speech.engine=none, or this build lacks the bundled model)";

    private final YtDlpClient ytDlp;
    private final TranscriptStore transcripts;
    private final ObjectProvider<SpeechToText> speechToText;
    private final ItemTracker tracker;

    AudioStep(YtDlpClient ytDlp, TranscriptStore transcripts, ObjectProvider<SpeechToText> speechToText,
            ItemTracker tracker) {
        super(Step.AUDIO);
        this.ytDlp = ytDlp;
        this.transcripts = transcripts;
        this.speechToText = speechToText;
        this.tracker = tracker;
    }

    @Override
    StepResult run(ItemContext context) {
        if (transcripts.find(context.item.id()).isPresent()) {
            return StepResult.skipped("captions used");
        }
        if (speechToText.getIfAvailable() == null) {
            throw new PipelineException(ErrorKind.UNSUPPORTED, NO_SPEECH_TO_TEXT);
        }
        try {
            context.audioDownloading();
            context.audioDownloaded(ytDlp.downloadAudio(context.item.url(), context.workDirectory,
                    new StepProgress(tracker, context.item)));
        } catch (YtDlpException e) {
            throw YtDlpFailures.toPipeline(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StepResult.done("audio downloaded");
    }
}
