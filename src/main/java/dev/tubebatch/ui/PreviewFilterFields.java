package dev.tubebatch.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
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
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filter fields of {@link PreviewRequest.Filters}, the one form for them: the new-batch form's "Channels and
 * filters" and a new watch's (both with how many of a channel's recent videos to take), and the dialog that edits a
 * watch's filters (the filters alone).
 */
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

    /** The filters with the recent-videos field (at most the intake's limit). */
    PreviewFilterFields(String summary, IntakeLimits limits) {
        this(summary, limits.maxRecent());
    }

    /** The filters alone: {@link #recent} is not laid out. */
    PreviewFilterFields(String summary) {
        this(summary, 0);
    }

    private PreviewFilterFields(String summary, int maxRecent) {
        super(summary);
        recent.setMin(1);
        recent.setMax(Math.max(1, maxRecent));
        recent.setValue(PreviewRequest.DEFAULT_RECENT);
        recent.setStepButtonsVisible(true);
        minMinutes.setMin(0);
        maxMinutes.setMin(0);
        HorizontalLayout durations = maxRecent > 0 ? new HorizontalLayout(recent, minMinutes, maxMinutes)
                : new HorizontalLayout(minMinutes, maxMinutes);
        add(new VerticalLayout(durations,
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

    /** Fills the fields with stored filters (durations in whole minutes). */
    void show(PreviewRequest.Filters filters) {
        minMinutes.setValue(filters.minDuration() == null ? null : (int) filters.minDuration().toMinutes());
        maxMinutes.setValue(filters.maxDuration() == null ? null : (int) filters.maxDuration().toMinutes());
        uploadedAfter.setValue(filters.uploadedAfter());
        uploadedBefore.setValue(filters.uploadedBefore());
        titleContains.setValue(filters.titleContains() == null ? "" : filters.titleContains());
        titleExcludes.setValue(filters.titleExcludes() == null ? "" : filters.titleExcludes());
        skipShorts.setValue(filters.skipShorts());
        skipLive.setValue(filters.skipLive());
        skipProcessed.setValue(filters.skipProcessed());
    }

    /**
     * Shows a refusal of {@link #filters} or {@link #recentCount} ("minimum duration: must not be negative", "Min
     * minutes: not a whole number") on the field it is about; answers that field's label and the reason, or null when
     * it is about none of these fields.
     */
    @Nullable String showOnField(IllegalArgumentException refusal) {
        String message = String.valueOf(refusal.getMessage());
        int colon = message.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        Map<String, HasValidation> fields = Map.of("minimum duration", minMinutes, "maximum duration", maxMinutes,
                "duration", maxMinutes, "upload date", uploadedBefore, "recent", recent,
                String.valueOf(recent.getLabel()), recent, String.valueOf(minMinutes.getLabel()), minMinutes,
                String.valueOf(maxMinutes.getLabel()), maxMinutes);
        HasValidation field = fields.get(message.substring(0, colon));
        if (field == null) {
            return null;
        }
        String reason = message.substring(colon + 1).strip();
        field.setErrorMessage(reason);
        field.setInvalid(true);
        return ((HasLabel) field).getLabel() + ": " + reason;
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
