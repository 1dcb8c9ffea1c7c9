package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import java.util.Locale;

/**
 * One video's progress in the batch's grid: the step it is in with the step's percent where the step can tell
 * (download, speech to text, summary), or what it waits for; a bar below that moves while the step runs.
 */
final class ItemProgress {

    private ItemProgress() {}

    static Div of(VideoItem item) {
        Span label = new Span(label(item));
        label.addClassName("item-progress-label");
        ProgressBar bar = new ProgressBar(0, 1, fraction(item));
        bar.setIndeterminate(item.status() == ItemStatus.RUNNING && item.stepProgress() == null
                && item.waitingFor() == null);
        if (item.status() == ItemStatus.COMPLETED) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        } else if (item.status() == ItemStatus.FAILED) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        // A bar needs a name for screen readers even when no words show above it.
        bar.getElement().setAttribute("aria-label", label.getText().isEmpty()
                ? "Progress: " + Badges.words(item.status()) : label.getText());
        Div cell = new Div(label, bar);
        cell.addClassName("item-progress");
        return cell;
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
