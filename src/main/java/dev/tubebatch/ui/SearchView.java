package dev.tubebatch.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOverview;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.format.Durations;
import dev.tubebatch.search.SearchHit;
import dev.tubebatch.search.SearchPage;
import dev.tubebatch.search.SearchQuery;
import dev.tubebatch.search.TranscriptSearch;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Full-text search over the stored transcripts: words, filters, and a page of ranked hits with their moments. */
@Route("search")
@PageTitle("Search · tubebatch")
@PermitAll
public class SearchView extends VerticalLayout {

    final TextField words = new TextField();
    final TextField channel = new TextField();
    final Select<Batch> batch = new Select<>();
    final Select<TranscriptSource> source = new Select<>();
    final DatePicker from = new DatePicker("Uploaded from");
    final DatePicker to = new DatePicker("Uploaded to");
    final Button find = new Button("Search");
    final Button previous = new Button("Previous");
    final Button next = new Button("Next");
    final Span message = new Span();
    final Div hits = new Div();
    private final TranscriptSearch search;
    private int page;

    SearchView(TranscriptSearch search, BatchQueries batches) {
        this.search = search;
        words.setPlaceholder("Words, \"a phrase\", or, -word");
        words.setWidth("28em");
        words.setMaxLength(SearchQuery.MAX_LENGTH);
        words.setClearButtonVisible(true);
        words.addKeyPressListener(Key.ENTER, e -> run(0));
        channel.setPlaceholder("Channel (exact name)");
        channel.setClearButtonVisible(true);
        batch.setEmptySelectionAllowed(true);
        batch.setEmptySelectionCaption("Any batch");
        batch.setItems(batches.overview().stream().map(BatchOverview::batch).toList());
        batch.setItemLabelGenerator(b -> b == null ? "Any batch" : b.name());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption("Any source");
        source.setItems(TranscriptSource.values());
        source.setItemLabelGenerator(s -> s == null ? "Any source"
                : s.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickListener(e -> run(0));
        previous.addClickListener(e -> run(page - 1));
        next.addClickListener(e -> run(page + 1));
        previous.setEnabled(false);
        next.setEnabled(false);
        HorizontalLayout line = new HorizontalLayout(words, find);
        HorizontalLayout filters = new HorizontalLayout(channel, batch, source, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        hits.addClassName("search-hits");
        add(new H3("Search transcripts"), line, filters, message, hits, new HorizontalLayout(previous, next));
    }

    void run(int wanted) {
        SearchPage result;
        try {
            Batch chosen = batch.getValue();
            UUID batchId = chosen == null ? null : chosen.id();
            result = search.search(new SearchQuery(words.getValue(), channel.getValue(), batchId, from.getValue(),
                    to.getValue(), source.getValue(), Math.max(0, wanted), SearchQuery.DEFAULT_SIZE));
        } catch (IllegalArgumentException e) {
            message.setText(ErrorMessages.forUser(e));
            return;
        }
        page = result.query().page();
        hits.removeAll();
        result.hits().forEach(hit -> hits.add(card(hit)));
        int first = page * result.query().size() + 1;
        int last = first + result.hits().size() - 1;
        message.setText(result.hits().isEmpty() ? (page == 0 ? "Nothing found." : "No more hits.")
                : "Hits " + first + "–" + last + (result.hasMore() ? ", more follow." : "."));
        previous.setEnabled(page > 0);
        next.setEnabled(result.hasMore());
    }

    /** One hit: the video and where it was found, the moment as a link, and the snippet (escaped by the search). */
    private static Div card(SearchHit hit) {
        Anchor moment = new Anchor(hit.deepLink(), Durations.timestamp(hit.startSeconds()));
        moment.setTarget(AnchorTarget.BLANK);
        moment.getElement().setAttribute("rel", "noopener noreferrer");
        Span video = new Span(title(hit));
        video.addClassName("search-hit-title");
        Span where = new Span(" · " + (hit.channel() == null ? "" : hit.channel() + " · ")
                + (hit.uploadDate() == null ? "" : hit.uploadDate() + " · ") + "batch " + hit.batchName() + " · "
                + hit.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        Div card = new Div(new Div(moment, new Span(" "), video, where),
                new Html("<div class=\"search-snippet\">" + hit.snippetHtml() + "</div>"));
        card.addClassName("search-hit");
        return card;
    }

    private static String title(SearchHit hit) {
        @Nullable String title = hit.title();
        return title == null ? hit.videoId() : title;
    }
}
