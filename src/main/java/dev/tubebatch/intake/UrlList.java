package dev.tubebatch.intake;

import java.util.List;

/**
 * Input read line by line: what each usable line points at, and each line that was not used with its reason.
 * Lines keep their 1-based numbers as the user sees them in an editor.
 */
public record UrlList(List<Entry> entries, List<Rejection> rejections) {

    public UrlList {
        entries = List.copyOf(entries);
        rejections = List.copyOf(rejections);
    }

    /** A usable line. */
    public record Entry(int line, YouTubeRef ref) {}

    /** A line that was not used, its text shortened for display, and why. */
    public record Rejection(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason + (text.isEmpty() ? "" : " (" + text + ")");
        }
    }

    public List<YouTubeRef.Video> videos() {
        return entries.stream().map(Entry::ref).filter(YouTubeRef.Video.class::isInstance)
                .map(YouTubeRef.Video.class::cast).toList();
    }
}
