package dev.tubebatch.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import dev.tubebatch.webhook.WebhookEvent;
import java.util.List;
import java.util.stream.Collectors;

/** The events a webhook or email recipient can want, as check boxes and as words, by their wire names. */
final class EventChoices {

    private EventChoices() {}

    static CheckboxGroup<WebhookEvent> boxes(String label) {
        CheckboxGroup<WebhookEvent> boxes = new CheckboxGroup<>(label);
        boxes.setItems(WebhookEvent.values());
        boxes.setItemLabelGenerator(WebhookEvent::wireName);
        return boxes;
    }

    static String words(List<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
