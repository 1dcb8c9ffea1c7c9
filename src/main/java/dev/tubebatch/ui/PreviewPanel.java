package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tubebatch.intake.PreviewResult;
import org.jspecify.annotations.Nullable;

/**
 * What a preview found, under the new-batch form: the totals, the recommended batch size and the estimated time
 * (with a warning when the batch is larger than recommended), the videos in a grid, and every line or video skipped
 * or kept unchecked, grouped by cause; or while it runs, that it runs; or why there is nothing to show. Everything
 * shown is rendered from the preview's result and the plan taken with it.
 */
class PreviewPanel extends Div {

    /** The grid of the last result shown; null before one is shown. */
    @Nullable PreviewGrid videos;
    /** The grouped skipped lines of the last result shown; null when it skipped none. */
    @Nullable SkippedGroups skipped;
    /** The warning above the recommended batch size; null when within it. */
    @Nullable Paragraph sizeWarning;

    PreviewPanel() {
        setWidthFull();
    }

    void working() {
        clear();
        add(new Paragraph("Previewing… playlists and channels are listed with yt-dlp, which can take a while."));
    }

    /** Replaces what is shown with a note, such as why a preview's result is not shown. */
    void note(String text) {
        clear();
        add(new Paragraph(text));
    }

    /** Adds an error below what is shown. */
    void error(@Nullable String text) {
        Paragraph p = new Paragraph(text == null ? "Something went wrong; try the preview again." : text);
        p.addClassName("line-errors");
        add(p);
    }

    void clear() {
        removeAll();
        videos = null;
        skipped = null;
        sizeWarning = null;
    }

    void show(PreviewResult done, PreviewPlan plan) {
        clear();
        Paragraph totals = new Paragraph(done.totals());
        totals.addClassName("preview-totals");
        add(totals);
        if (!done.videos().isEmpty()) {
            Paragraph figures = new Paragraph(plan.recommendation() + " " + plan.estimate(done.count()));
            figures.addClassName("preview-plan");
            add(figures);
            String warning = plan.sizeWarning(done.count());
            if (warning != null) {
                sizeWarning = new Paragraph(warning);
                sizeWarning.addClassName("preview-size-warning");
                add(sizeWarning);
            }
            videos = new PreviewGrid(done.videos());
            add(videos);
        }
        if (!done.skipped().isEmpty()) {
            skipped = new SkippedGroups(done.skipped().size() + " line(s) or video(s) skipped:",
                    done.skippedByKind(), "line-errors");
            add(skipped);
        }
        if (!done.warnings().isEmpty()) {
            add(new SkippedGroups(done.warnings().size() + " video(s) kept without checking the filters:",
                    done.warningsByKind(), "preview-warnings"));
        }
        if (done.videos().isEmpty()) {
            error("No videos to process: fix the lines above and preview again.");
        }
    }
}
