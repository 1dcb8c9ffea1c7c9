package dev.tubebatch.inference.speech;

/** A piece of audio to transcribe at once, with where it starts in the whole recording. */
public record AudioChunk(int startSample, float[] samples) {

    public double startSeconds() {
        return startSample / (double) PcmAudio.SAMPLE_RATE;
    }

    public double endSeconds() {
        return (startSample + samples.length) / (double) PcmAudio.SAMPLE_RATE;
    }

    public double seconds() {
        return samples.length / (double) PcmAudio.SAMPLE_RATE;
    }
}
