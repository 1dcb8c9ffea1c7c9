package dev.tubebatch.batch;

/** The steps of a video's job, in the order they run. A re-run job starts at the first step not yet recorded. */
public enum Step {
    RESOLVE("Metadata"),
    CAPTIONS("Captions"),
    AUDIO("Audio download"),
    TRANSCRIBE("Speech to text"),
    SUMMARIZE("Summary"),
    EXPORT("Export");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
