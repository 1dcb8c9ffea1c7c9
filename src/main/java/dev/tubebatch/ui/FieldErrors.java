package dev.tubebatch.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shows a refusal of the services ("field: what is wrong") on the form field it names, or on {@code fallback} when it
 * names none of the form's fields.
 */
final class FieldErrors {

    private FieldErrors() {}

    static void show(IllegalArgumentException refusal, Map<String, ? extends HasValidation> fields,
            HasValidation fallback) {
        String message = String.valueOf(refusal.getMessage());
        int colon = message.indexOf(':');
        @Nullable HasValidation named = colon > 0 ? fields.get(message.substring(0, colon)) : null;
        HasValidation field = named == null ? fallback : named;
        field.setErrorMessage(colon > 0 ? message.substring(colon + 1).strip() : message);
        field.setInvalid(true);
    }
}
