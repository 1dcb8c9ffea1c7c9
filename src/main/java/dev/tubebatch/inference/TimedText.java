package dev.tubebatch.inference;

/**
 * A piece of spoken text, in seconds from the start of its recording: what speech to text gives and what the
 * summarizers read (transcripts from captions become these too).
 */
public record TimedText(double start, double end, String text) {}
