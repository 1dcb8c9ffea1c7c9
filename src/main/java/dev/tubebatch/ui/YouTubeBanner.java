package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Div;
import dev.tubebatch.youtube.budget.BreakerState;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A banner on every page while YouTube calls are paused: the reason and when they go on. Read again every
 * {@link #REFRESH} while shown; hidden while calls go.
 */
final class YouTubeBanner extends Div {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final YouTubeGate gate;

    YouTubeBanner(YouTubeGate gate) {
        this.gate = gate;
        addClassName("youtube-banner");
        getElement().setAttribute("role", "status");
        getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%");
        setVisible(false);
        LiveRefresh.every(this, REFRESH, this::refresh);
    }

    void refresh() {
        BreakerState state = gate.breakerState();
        setVisible(state.open());
        setText(state.open() ? state.notice(ZoneId.systemDefault()) : "");
    }
}
