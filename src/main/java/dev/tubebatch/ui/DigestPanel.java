package dev.tubebatch.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tubebatch.batch.BatchDigest;
import org.jspecify.annotations.Nullable;

/** The batch view's digest: the common themes and a line per video under its link; hidden until there is one. */
class DigestPanel extends Details {

    final Div content = new Div();
    private @Nullable BatchDigest shown;

    DigestPanel() {
        setSummaryText("Digest");
        add(content);
        setOpened(true);
        setVisible(false);
    }

    void show(@Nullable BatchDigest digest) {
        setVisible(digest != null);
        if (digest == null || digest.equals(shown)) {
            return;
        }
        shown = digest;
        content.removeAll();
        UnorderedList themes = new UnorderedList();
        digest.themes().forEach(theme -> themes.add(new ListItem(theme)));
        UnorderedList lines = new UnorderedList();
        for (BatchDigest.Line line : digest.lines()) {
            Anchor video = new Anchor(line.link(), line.title());
            video.setTarget(AnchorTarget.BLANK);
            video.getElement().setAttribute("rel", "noopener noreferrer");
            lines.add(new ListItem(video, new Span(": " + line.line())));
        }
        content.add(new H4("Common themes"), themes, new H4("Videos"), lines,
                new Span("Method: " + digest.method()));
    }
}
