package dev.tubebatch.webhook;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * An event's email, made from its {@link EventPayload}: a one-line subject (every control character of a name
 * becomes a space, so a batch name cannot add a header; long names are cut) and a body as plain text and as
 * HTML-escaped HTML, with the same lines.
 */
final class MailText {

    static final int MAX_NAME_IN_SUBJECT = 120;

    private MailText() {}

    private record Line(String label, String value, boolean link) {}

    static String subject(EventPayload payload) {
        String name = name(payload);
        if (name.length() > MAX_NAME_IN_SUBJECT) {
            name = name.substring(0, MAX_NAME_IN_SUBJECT - 1) + "…";
        }
        return "[tubebatch] " + headline(payload.kind(), payload.counts()) + ": " + name;
    }

    static String text(EventPayload payload) {
        StringBuilder text = new StringBuilder(sentence(payload)).append("\n\n");
        for (Line line : lines(payload)) {
            text.append(String.format("%-12s %s", line.label() + ":", line.value())).append('\n');
        }
        return text.append("\n-- \ntubebatch, event ").append(payload.event()).append('\n').toString();
    }

    static String html(EventPayload payload) {
        StringBuilder html = new StringBuilder("<html><body><p>").append(HtmlUtils.htmlEscape(sentence(payload)))
                .append("</p><table>");
        for (Line line : lines(payload)) {
            String value = HtmlUtils.htmlEscape(line.value());
            html.append("<tr><th align=\"left\">").append(HtmlUtils.htmlEscape(line.label())).append("</th><td>")
                    .append(line.link() ? "<a href=\"" + value + "\">" + value + "</a>" : value).append("</td></tr>");
        }
        return html.append("</table><p>tubebatch, event ").append(HtmlUtils.htmlEscape(payload.event()))
                .append("</p></body></html>").toString();
    }

    /** The text on one line: control characters (CR and LF among them) become spaces, runs of spaces one. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString().replaceAll("\\s+", " ").strip();
    }

    private static String name(EventPayload payload) {
        String name = payload.batch() != null ? payload.batch().name()
                : payload.watch() != null ? payload.watch().name() : "";
        return oneLine(name);
    }

    private static String headline(WebhookEvent event, EventPayload.Counts counts) {
        return switch (event) {
            case BATCH_COMPLETED -> "Batch completed";
            case BATCH_COMPLETED_WITH_FAILURES -> "Batch completed with " + counts.failed() + " failed";
            case BATCH_STOPPED -> "Batch stopped";
            case BATCH_CANCELLED -> "Batch cancelled";
            case WATCH_FOUND_VIDEOS -> "Watch found " + counts.newVideos() + " new "
                    + (Integer.valueOf(1).equals(counts.newVideos()) ? "video" : "videos");
        };
    }

    private static String sentence(EventPayload payload) {
        return headline(payload.kind(), payload.counts()) + ": " + name(payload) + ".";
    }

    private static List<Line> lines(EventPayload payload) {
        List<Line> lines = new ArrayList<>();
        EventPayload.Counts counts = payload.counts();
        EventPayload.BatchFacts batch = payload.batch();
        EventPayload.WatchFacts watch = payload.watch();
        if (batch != null) {
            lines.add(new Line("Status", batch.status(), false));
            lines.add(new Line("Created by", oneLine(batch.createdBy()), false));
            if (!batch.stopReason().isBlank()) {
                lines.add(new Line("Stop reason", oneLine(batch.stopReason()), false));
            }
            lines.add(new Line("Videos", counts.total() + " total, " + counts.completed() + " completed, "
                    + counts.failed() + " failed, " + counts.cancelled() + " cancelled", false));
        }
        if (watch != null) {
            lines.add(new Line("Source", oneLine(watch.sourceUrl()), false));
            lines.add(new Line("Videos", counts.listed() + " listed, " + counts.newVideos() + " new", false));
        }
        lines.add(new Line("Batch", payload.links().batch(), true));
        lines.add(new Line("API", payload.links().api(), true));
        lines.add(new Line("ZIP", payload.links().zip(), true));
        return lines;
    }
}
