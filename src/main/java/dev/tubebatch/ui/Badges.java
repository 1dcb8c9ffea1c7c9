package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * Status badges: the status in words, coloured with Lumo's badge theme (green done, red failed, amber done with
 * failures, blue running, grey waiting or stopped). The colour follows the status's name, so item and batch
 * statuses share one table.
 */
final class Badges {

    private Badges() {}

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
