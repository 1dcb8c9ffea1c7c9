package dev.tubebatch.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.util.List;

/** How a new batch runs: retries, workers, what a failure does, summaries. None of it changes what a preview finds. */
class BatchOptionsFields extends HorizontalLayout {

    final IntegerField retryLimit = new IntegerField("Retry limit");
    final IntegerField maxWorkers = new IntegerField("Max workers");
    final Select<OnErrorPolicy> onError = new Select<>();
    final Checkbox summaries = new Checkbox("Summaries", true);
    final IntegerField summarySentences = new IntegerField("Summary sentences");
    final IntegerField maxVideoMinutes = new IntegerField("Longest video (minutes)");

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
        summaries.addValueChangeListener(e -> summarySentences.setEnabled(e.getValue()));
        maxVideoMinutes.setMin(1);
        maxVideoMinutes.setMax(BatchOptions.MAX_VIDEO_MINUTES);
        maxVideoMinutes.setPlaceholder("As configured");
        maxVideoMinutes.setHelperText("Longer videos fail before any download");
        add(retryLimit, maxWorkers, onError, summaries, summarySentences, maxVideoMinutes);
    }

    /** The batch these options give to {@code videos}; its rules are checked by {@link NewBatch}. */
    NewBatch newBatch(String name, List<NewBatch.NewVideo> videos) {
        Integer retries = retryLimit.getValue() == null ? NewBatch.DEFAULT_RETRY_LIMIT : retryLimit.getValue();
        BatchOptions options = new BatchOptions(summaries.getValue(),
                summaries.getValue() ? summarySentences.getValue() : null, maxVideoMinutes.getValue());
        return new NewBatch(name, videos, maxWorkers.getValue(), retries, onError.getValue(), options);
    }
}
