package dev.tubebatch.youtube.budget;

/**
 * What a yt-dlp call asks of YouTube, with its weight in the request budget: a metadata call is the unit; an audio
 * download reads the player and then streams media, so it counts double.
 */
public enum CallKind {
    LISTING(1),
    METADATA(1),
    CAPTIONS(1),
    AUDIO(2);

    private final double weight;

    CallKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
