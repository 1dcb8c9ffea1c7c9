package dev.tubebatch.batch;

/** A chapter of a video, as its uploader set it: start and end in seconds, and its title. */
public record Chapter(double start, double end, String title) {}
