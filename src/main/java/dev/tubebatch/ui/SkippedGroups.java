package dev.tubebatch.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tubebatch.intake.PreviewResult;
import java.util.List;
import java.util.Map;

/**
 * Lines or videos a preview left out (or kept unchecked), grouped by cause ({@link PreviewResult.Skipped#kind()}):
 * one closed {@link Details} per cause with its count, listing its lines (the first {@link #SHOWN_LINES}).
 */
class SkippedGroups extends Div {

    static final int SHOWN_LINES = 500;

    SkippedGroups(String heading, Map<String, List<PreviewResult.Skipped>> groups, String className) {
        addClassName(className);
        add(new Paragraph(heading));
        groups.forEach((kind, lines) -> add(group(kind, lines)));
    }

    private static Details group(String kind, List<PreviewResult.Skipped> lines) {
        UnorderedList items = new UnorderedList();
        lines.stream().limit(SHOWN_LINES).forEach(line -> items.add(new ListItem(line.toString())));
        if (lines.size() > SHOWN_LINES) {
            items.add(new ListItem("… and " + (lines.size() - SHOWN_LINES) + " more"));
        }
        Details details = new Details(kind + " — " + lines.size(), items);
        details.addClassName("skipped-group");
        return details;
    }
}
