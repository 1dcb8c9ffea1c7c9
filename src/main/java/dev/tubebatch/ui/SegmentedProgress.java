package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Div;
import dev.tubebatch.batch.BatchProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch's progress as one bar in segments, drawn from its counts alone: completed (green), failed (red), running
 * (blue), waiting (grey), and cancelled (hatched) where there are any. Each segment's width is its share of the
 * videos; its tooltip and the bar's label say the counts in words. Plain elements styled by styles.css.
 */
final class SegmentedProgress extends Div {

    /** One segment: its kind (the CSS class {@code segment-<kind>}), its videos and its share of the bar in %. */
    record Segment(String kind, int count, double percent) {

        String words() {
            return count + " " + kind;
        }
    }

    private final Div[] shown = new Div[KINDS.size()];

    static final List<String> KINDS = List.of("completed", "failed", "running", "waiting", "cancelled");

    SegmentedProgress() {
        addClassName("segmented-progress");
        getElement().setAttribute("role", "img");
        for (int i = 0; i < shown.length; i++) {
            shown[i] = new Div();
            shown[i].addClassNames("segment", "segment-" + KINDS.get(i));
            shown[i].setVisible(false);
            add(shown[i]);
        }
    }

    SegmentedProgress(BatchProgress progress) {
        this();
        show(progress);
    }

    /** The segments that {@code progress} is drawn with, in {@link #KINDS} order, empty ones left out. */
    static List<Segment> segments(BatchProgress progress) {
        int[] counts = {progress.completed(), progress.failed(), progress.running(),
                progress.pending() + progress.queued() + progress.retrying(), progress.cancelled()};
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                segments.add(new Segment(KINDS.get(i), counts[i], 100.0 * counts[i] / total));
            }
        }
        return segments;
    }

    /** What the bar says in words, for its label: e.g. "3 completed, 1 failed, 6 waiting of 10 videos". */
    static String words(BatchProgress progress) {
        List<String> parts = segments(progress).stream().map(Segment::words).toList();
        return parts.isEmpty() ? "No videos" : String.join(", ", parts) + " of " + progress.total()
                + (progress.total() == 1 ? " video" : " videos");
    }

    /** Redraws the bar for {@code progress}: the same elements, new widths. */
    void show(BatchProgress progress) {
        for (Div segment : shown) {
            segment.setVisible(false);
        }
        for (Segment segment : segments(progress)) {
            Div div = shown[KINDS.indexOf(segment.kind())];
            div.setVisible(true);
            div.setWidth(String.format(Locale.ROOT, "%.3f%%", segment.percent()));
            div.getElement().setAttribute("title", segment.words());
        }
        getElement().setAttribute("aria-label", words(progress));
        getElement().setAttribute("title", words(progress));
    }
}
