package dev.tubebatch.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tubebatch.intake.IntakeLimits;
import dev.tubebatch.intake.PreviewRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The new-batch form's "Channels and filters": how many of a channel's recent videos to take, and the filters. */
class PreviewFilterFields extends Details {

    final IntegerField recent = new IntegerField("Channels: most recent videos");
    final IntegerField minMinutes = new IntegerField("Min minutes");
    final IntegerField maxMinutes = new IntegerField("Max minutes");
    final DatePicker uploadedAfter = new DatePicker("Uploaded on or after");
    final DatePicker uploadedBefore = new DatePicker("Uploaded on or before");
    final TextField titleContains = new TextField("Title contains");
    final TextField titleExcludes = new TextField("Title excludes");
    final Checkbox skipShorts = new Checkbox("Skip Shorts");
    final Checkbox skipLive = new Checkbox("Skip live streams");
    final Checkbox skipProcessed = new Checkbox("Skip videos already processed", true);

    PreviewFilterFields(IntakeLimits limits) {
        super("Channels and filters");
        recent.setMin(1);
        recent.setMax(limits.maxRecent());
        recent.setValue(PreviewRequest.DEFAULT_RECENT);
        recent.setStepButtonsVisible(true);
        minMinutes.setMin(0);
        maxMinutes.setMin(0);
        add(new VerticalLayout(
                new HorizontalLayout(recent, minMinutes, maxMinutes),
                new HorizontalLayout(uploadedAfter, uploadedBefore),
                new HorizontalLayout(titleContains, titleExcludes),
                new HorizontalLayout(skipShorts, skipLive, skipProcessed)));
        setOpened(true);
    }

    /** Every input whose change makes a preview outdated. */
    List<HasValue<?, ?>> inputs() {
        return List.of(recent, minMinutes, maxMinutes, uploadedAfter, uploadedBefore, titleContains, titleExcludes,
                skipShorts, skipLive, skipProcessed);
    }

    /** How many recent videos of a channel; a field whose text is not a whole number throws, naming the field. */
    int recentCount() {
        Integer value = whole(recent);
        return value == null ? PreviewRequest.DEFAULT_RECENT : value;
    }

    /** The filters as entered; what valid filters are (no negative durations...) is the request's to say. */
    PreviewRequest.Filters filters() {
        return new PreviewRequest.Filters(minutes(minMinutes), minutes(maxMinutes), uploadedAfter.getValue(),
                uploadedBefore.getValue(), titleContains.getValue(), titleExcludes.getValue(), skipShorts.getValue(),
                skipLive.getValue(), skipProcessed.getValue());
    }

    private static @Nullable Integer whole(IntegerField field) {
        if (field.isInvalid() && field.getValue() == null) {
            throw new IllegalArgumentException(field.getLabel() + ": not a whole number");
        }
        return field.getValue();
    }

    private static @Nullable Duration minutes(IntegerField field) {
        Integer value = whole(field);
        return value == null ? null : Duration.ofMinutes(value);
    }
}
