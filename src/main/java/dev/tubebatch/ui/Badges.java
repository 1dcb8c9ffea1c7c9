package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** Status badges: the status in words, styled by its name (styles.css). */
final class Badges {

    private Badges() {}

    static Span of(Enum<?> status) {
        Span badge = new Span(words(status));
        badge.addClassNames("status-badge", "status-" + status.name());
        return badge;
    }

    static String words(Enum<?> status) {
        String text = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
