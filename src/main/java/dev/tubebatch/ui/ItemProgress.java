package dev.tubebatch.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import java.util.Locale;

/**
 * One video's progress in the batch's grid: the step it is in with the step's percent where the step can tell
 * (download, speech to text, summary), or what it waits for; a bar below that moves while the step runs.
 */
final class ItemProgress {

    private ItemProgress() {}

    /**
     * The column as the grid draws it: a template filled in the browser with the label, the fill and the bar's
     * colour, so a grid of thousands of rows holds no server-side component per row.
     */
    static LitRenderer<VideoItem> renderer() {
        return LitRenderer.<VideoItem>of("""
                <div class="item-progress"><span class="item-progress-label">${item.label}</span>\
                <vaadin-progress-bar aria-label="${item.name}" .value="${item.value}" \
                ?indeterminate="${item.indeterminate}" theme="${item.theme}"></vaadin-progress-bar></div>""")
                .withProperty("label", ItemProgress::label)
                .withProperty("name", ItemProgress::accessibleName)
                .withProperty("value", ItemProgress::fraction)
                .withProperty("indeterminate", ItemProgress::indeterminate)
                .withProperty("theme", item -> switch (item.status()) {
                    case COMPLETED -> "success";
                    case FAILED -> "error";
                    default -> "";
                });
    }

    static boolean indeterminate(VideoItem item) {
        return item.status() == ItemStatus.RUNNING && item.stepProgress() == null && item.waitingFor() == null;
    }

    /** A bar needs a name for screen readers even when no words show above it. */
    static String accessibleName(VideoItem item) {
        String label = label(item);
        return label.isEmpty() ? "Progress: " + Badges.words(item.status()) : label;
    }

    /** The bar's fill: the step's progress while it runs, full when the video is done, empty otherwise. */
    static double fraction(VideoItem item) {
        return switch (item.status()) {
            case COMPLETED -> 1;
            case RUNNING -> item.stepProgress() == null ? 0 : Math.max(0, Math.min(1, item.stepProgress()));
            default -> 0;
        };
    }

    /** The words above the bar: "Speech to text 42%", what it waits for, or blank before and after it runs. */
    static String label(VideoItem item) {
        if (item.waitingFor() != null) {
            return item.waitingFor();
        }
        if (item.status() != ItemStatus.RUNNING || item.currentStep() == null) {
            return "";
        }
        String step = item.currentStep().label();
        return item.stepProgress() == null ? step
                : step + String.format(Locale.ROOT, " %.0f%%", 100 * fraction(item));
    }
}
