package dev.tubebatch.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.util.List;

/**
 * How a new batch runs: retries, workers, what a failure does, caption languages, summaries (length; an LLM
 * summary's style and an instruction). None of it changes what a preview finds.
 */
class BatchOptionsFields extends HorizontalLayout {

    final IntegerField retryLimit = new IntegerField("Retry limit");
    final IntegerField maxWorkers = new IntegerField("Max workers");
    final Select<OnErrorPolicy> onError = new Select<>();
    final Checkbox summaries = new Checkbox("Summaries", true);
    final IntegerField summarySentences = new IntegerField("Summary sentences");
    final IntegerField maxVideoMinutes = new IntegerField("Longest video (minutes)");
    final Select<String> summaryPreset = new Select<>();
    final TextArea summaryInstruction = new TextArea("Summary instruction");
    final TextField captionLanguages = new TextField("Caption languages");
    final Checkbox translatedCaptions = new Checkbox("Machine-translated captions as a last resort");

    BatchOptionsFields() {
        retryLimit.setMin(0);
        retryLimit.setMax(NewBatch.MAX_RETRY_LIMIT);
        retryLimit.setValue(NewBatch.DEFAULT_RETRY_LIMIT);
        retryLimit.setStepButtonsVisible(true);
        maxWorkers.setMin(1);
        maxWorkers.setPlaceholder("All free workers");
        maxWorkers.setStepButtonsVisible(true);
        onError.setLabel("On error");
        onError.setItems(OnErrorPolicy.values());
        onError.setItemLabelGenerator(Badges::words);
        onError.setValue(OnErrorPolicy.CONTINUE);
        summarySentences.setMin(1);
        summarySentences.setMax(BatchOptions.MAX_SUMMARY_SENTENCES);
        summarySentences.setPlaceholder("As configured");
        summarySentences.setStepButtonsVisible(true);
        summaryPreset.setLabel("Summary style (LLM)");
        List<String> styles = new java.util.ArrayList<>(List.of(PLAIN_STYLE));
        styles.addAll(BatchOptions.PRESETS);
        summaryPreset.setItems(styles);
        summaryPreset.setItemLabelGenerator(BatchOptionsFields::styleLabel);
        summaryPreset.setValue(PLAIN_STYLE);
        summaryInstruction.setPlaceholder("Optional, e.g. \"Name every tool mentioned\"");
        summaryInstruction.setMaxLength(BatchOptions.MAX_INSTRUCTION_CHARS);
        summaryInstruction.setHelperText("For LLM summaries; the summary is in the transcript's language");
        summaries.addValueChangeListener(e -> {
            summarySentences.setEnabled(e.getValue());
            summaryPreset.setEnabled(e.getValue());
            summaryInstruction.setEnabled(e.getValue());
        });
        maxVideoMinutes.setMin(1);
        maxVideoMinutes.setMax(BatchOptions.MAX_VIDEO_MINUTES);
        maxVideoMinutes.setPlaceholder("As configured");
        maxVideoMinutes.setHelperText("Longer videos fail before any download");
        captionLanguages.setPlaceholder("As configured");
        captionLanguages.setHelperText("In order of preference, e.g. \"de, en\"; " + BatchOptions.ORIGINAL
                + " = the video's original language");
        captionLanguages.setClearButtonVisible(true);
        captionLanguages.addValueChangeListener(e -> {
            try {
                BatchOptions.parseLanguages(e.getValue());
                captionLanguages.setInvalid(false);
            } catch (IllegalArgumentException refusal) {
                showOnField(refusal);
            }
        });
        setWrap(true);
        add(retryLimit, maxWorkers, onError, maxVideoMinutes, captionLanguages, translatedCaptions, summaries,
                summarySentences, summaryPreset, summaryInstruction);
    }

    /** Shows a refusal of {@link #newBatch} on the field it names; false when it names none of these fields. */
    boolean showOnField(IllegalArgumentException refusal) {
        String message = String.valueOf(refusal.getMessage());
        java.util.Map<String, com.vaadin.flow.component.HasValidation> fields = java.util.Map.of(
                "captionLanguages", captionLanguages, "summaryInstruction", summaryInstruction,
                "summarySentences", summarySentences, "maxVideoMinutes", maxVideoMinutes);
        int colon = message.indexOf(':');
        if (colon < 0 || !fields.containsKey(message.substring(0, colon))) {
            return false;
        }
        FieldErrors.show(refusal, fields, captionLanguages);
        return true;
    }

    private static final String PLAIN_STYLE = "plain";

    private static String styleLabel(String style) {
        return switch (style) {
            case "brief" -> "Brief";
            case "detailed" -> "Detailed";
            case "study-notes" -> "Study notes";
            case "action-items" -> "Action items";
            default -> "Plain summary";
        };
    }

    /** The batch these options give to {@code videos}; its rules are checked by {@link NewBatch}. */
    NewBatch newBatch(String name, List<NewBatch.NewVideo> videos) {
        Integer retries = retryLimit.getValue() == null ? NewBatch.DEFAULT_RETRY_LIMIT : retryLimit.getValue();
        boolean on = summaries.getValue();
        String style = summaryPreset.getValue();
        BatchOptions options = new BatchOptions(on, on ? summarySentences.getValue() : null,
                on && style != null && !style.equals(PLAIN_STYLE) ? style : null,
                on ? summaryInstruction.getValue() : null, maxVideoMinutes.getValue(),
                BatchOptions.parseLanguages(captionLanguages.getValue()), translatedCaptions.getValue());
        return new NewBatch(name, videos, maxWorkers.getValue(), retries, onError.getValue(), options);
    }
}
