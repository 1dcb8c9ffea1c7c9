package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.intake.InputTooLargeException;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.intake.UrlList;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Paste URLs, preview what they resolve to (every line not used is listed with its number and reason), then start.
 * Start uses exactly the videos of the last preview of the current text; nothing is created if there are none.
 */
@Route("new")
@PageTitle("New batch · tubebatch")
@RolesAllowed(Roles.OPERATOR)
public class NewBatchView extends VerticalLayout {

    static final int SHOWN_VIDEOS = 200;

    private final IntakeService intake;
    private final BatchService batches;
    private final CurrentUser user;

    final TextField name = new TextField("Name");
    final TextArea urls = new TextArea("YouTube URLs, one per line");
    final IntegerField retryLimit = new IntegerField("Retry limit");
    final IntegerField maxWorkers = new IntegerField("Max workers");
    final Select<OnErrorPolicy> onError = new Select<>();
    final Button preview = new Button("Preview");
    final Button start = new Button("Start");
    final Div result = new Div();

    private IntakeService.Preview lastPreview;
    private String previewedText;

    NewBatchView(IntakeService intake, BatchService batches, CurrentUser user) {
        this.intake = intake;
        this.batches = batches;
        this.user = user;
        name.setPlaceholder("Optional");
        name.setMaxLength(NewBatch.MAX_NAME_LENGTH);
        urls.setWidthFull();
        urls.setMinHeight("12em");
        urls.setPlaceholder("https://www.youtube.com/watch?v=...\nhttps://youtu.be/...");
        retryLimit.setMin(0);
        retryLimit.setMax(NewBatch.MAX_RETRY_LIMIT);
        retryLimit.setValue(3);
        retryLimit.setStepButtonsVisible(true);
        maxWorkers.setMin(1);
        maxWorkers.setPlaceholder("All free workers");
        maxWorkers.setStepButtonsVisible(true);
        onError.setLabel("On error");
        onError.setItems(OnErrorPolicy.values());
        onError.setItemLabelGenerator(Badges::words);
        onError.setValue(OnErrorPolicy.CONTINUE);
        preview.addClickListener(e -> preview());
        start.addClickListener(e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        urls.addValueChangeListener(e -> start.setEnabled(lastPreview != null && e.getValue().equals(previewedText)
                && !lastPreview.videos().isEmpty()));
        result.setWidthFull();
        add(new H3("New batch"), name, urls, new HorizontalLayout(retryLimit, maxWorkers, onError),
                new HorizontalLayout(preview, start), result);
    }

    void preview() {
        user.require(Roles.OPERATOR);
        result.removeAll();
        lastPreview = null;
        previewedText = null;
        start.setEnabled(false);
        try {
            lastPreview = intake.preview(urls.getValue());
            previewedText = urls.getValue();
        } catch (InputTooLargeException | IllegalArgumentException e) {
            result.add(error(e.getMessage()));
            return;
        }
        List<NewBatch.NewVideo> videos = lastPreview.videos();
        result.add(new Paragraph(videos.size() == 1 ? "1 video" : videos.size() + " videos"));
        UnorderedList list = new UnorderedList();
        videos.stream().limit(SHOWN_VIDEOS).forEach(v -> list.add(new ListItem(v.url())));
        if (videos.size() > SHOWN_VIDEOS) {
            list.add(new ListItem("… and " + (videos.size() - SHOWN_VIDEOS) + " more"));
        }
        list.addClassName("preview-videos");
        result.add(list);
        if (!lastPreview.rejections().isEmpty()) {
            Div errors = new Div();
            errors.addClassName("line-errors");
            errors.add(new Paragraph(lastPreview.rejections().size() + " line(s) not used:"));
            UnorderedList lines = new UnorderedList();
            lastPreview.rejections().forEach(r -> lines.add(new ListItem(r.toString())));
            errors.add(lines);
            result.add(errors);
        }
        if (videos.isEmpty()) {
            result.add(error("No videos to process: fix the lines above and preview again."));
        }
        start.setEnabled(!videos.isEmpty());
    }

    void start() {
        user.require(Roles.OPERATOR);
        if (lastPreview == null || !urls.getValue().equals(previewedText) || lastPreview.videos().isEmpty()) {
            result.removeAll();
            result.add(error("Preview the URLs before starting."));
            start.setEnabled(false);
            return;
        }
        Integer retries = retryLimit.getValue() == null ? 3 : retryLimit.getValue();
        Batch batch = batches.create(new NewBatch(name.getValue(), lastPreview.videos(), maxWorkers.getValue(),
                retries, onError.getValue()), user.name());
        getUI().ifPresent(ui -> ui.navigate(BatchView.class,
                new com.vaadin.flow.router.RouteParameters("batchId", batch.id().toString())));
    }

    List<UrlList.Rejection> rejections() {
        return lastPreview == null ? List.of() : lastPreview.rejections();
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("line-errors");
        return p;
    }
}
