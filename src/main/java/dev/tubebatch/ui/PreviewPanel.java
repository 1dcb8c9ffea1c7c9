package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tubebatch.format.Durations;
import dev.tubebatch.intake.PreviewResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a preview found, under the new-batch form: the totals, the videos in order, every line or video skipped with
 * its reason and the videos kept unchecked; or while it runs, that it runs; or why there is nothing to show. Long
 * lists are cut, with how many more there are.
 */
class PreviewPanel extends Div {

    static final int SHOWN_VIDEOS = 200;
    static final int SHOWN_SKIPPED = 500;

    PreviewPanel() {
        setWidthFull();
    }

    void working() {
        removeAll();
        add(new Paragraph("Previewing… playlists and channels are listed with yt-dlp, which can take a while."));
    }

    /** Replaces what is shown with a note, such as why a preview's result is not shown. */
    void note(String text) {
        removeAll();
        add(new Paragraph(text));
    }

    /** Adds an error below what is shown. */
    void error(@Nullable String text) {
        Paragraph p = new Paragraph(text == null ? "Something went wrong; try the preview again." : text);
        p.addClassName("line-errors");
        add(p);
    }

    void show(PreviewResult done) {
        removeAll();
        Paragraph totals = new Paragraph(done.totals());
        totals.addClassName("preview-totals");
        add(totals);
        UnorderedList list = new UnorderedList();
        done.videos().stream().limit(SHOWN_VIDEOS).forEach(v -> list.add(new ListItem(describe(v))));
        if (done.videos().size() > SHOWN_VIDEOS) {
            list.add(new ListItem("… and " + (done.videos().size() - SHOWN_VIDEOS) + " more"));
        }
        list.addClassName("preview-videos");
        add(list);
        addLines(done.skipped(), done.skipped().size() + " line(s) or video(s) skipped:", "line-errors");
        addLines(done.warnings(), done.warnings().size() + " video(s) kept without checking the filters:",
                "preview-warnings");
        if (done.videos().isEmpty()) {
            error("No videos to process: fix the lines above and preview again.");
        }
    }

    private void addLines(List<PreviewResult.Skipped> lines, String heading, String className) {
        if (lines.isEmpty()) {
            return;
        }
        Div box = new Div();
        box.addClassName(className);
        box.add(new Paragraph(heading));
        UnorderedList items = new UnorderedList();
        lines.stream().limit(SHOWN_SKIPPED).forEach(r -> items.add(new ListItem(r.toString())));
        if (lines.size() > SHOWN_SKIPPED) {
            items.add(new ListItem("… and " + (lines.size() - SHOWN_SKIPPED) + " more"));
        }
        box.add(items);
        add(box);
    }

    private static String describe(PreviewResult.PreviewVideo video) {
        StringBuilder text = new StringBuilder(video.url());
        if (video.title() != null) {
            text.append(" — ").append(video.title());
        }
        if (video.durationSeconds() != null) {
            text.append(" · ").append(Durations.elapsed(video.durationSeconds()));
        }
        if (video.uploadDate() != null) {
            text.append(" · ").append(video.uploadDate());
        }
        return text.append(" (").append(video.source()).append(')').toString();
    }
}
