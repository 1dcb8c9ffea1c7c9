package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Locale;
import java.util.function.Function;

/**
 * Status badges: the status in words, coloured with Lumo's badge theme (green done, red failed, amber done with
 * failures, blue running, grey waiting or stopped). The colour follows the status's name, so item and batch
 * statuses share one table.
 */
final class Badges {

    private Badges() {}

    /**
     * The badge as a grid column draws it: a template filled in the browser, so a grid of thousands of rows sends
     * two strings a row instead of a server-side component.
     */
    static <T> LitRenderer<T> renderer(Function<T, Enum<?>> status) {
        return LitRenderer.<T>of("<span class=\"status-badge\" theme=\"${item.theme}\">${item.words}</span>")
                .withProperty("theme", row -> theme(status.apply(row)))
                .withProperty("words", row -> words(status.apply(row)));
    }

    static Span of(Enum<?> status) {
        Span badge = new Span();
        show(badge, status);
        return badge;
    }

    /** Turns {@code badge} into the badge of {@code status}: for a badge that stays on screen while status changes. */
    static void show(Span badge, Enum<?> status) {
        badge.setText(words(status));
        badge.setClassName("status-badge status-" + status.name());
        badge.getElement().setAttribute("theme", theme(status));
    }

    /** Lumo's badge theme for a status: {@code badge} plus its colour variant. */
    static String theme(Enum<?> status) {
        return switch (status.name()) {
            case "COMPLETED" -> "badge success";
            case "FAILED" -> "badge error";
            case "COMPLETED_WITH_FAILURES" -> "badge warning";
            case "RUNNING", "RETRYING" -> "badge";
            default -> "badge contrast"; // waiting (pending, queued), held (paused, stopped) or cancelled
        };
    }

    static String words(Enum<?> status) {
        String text = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
