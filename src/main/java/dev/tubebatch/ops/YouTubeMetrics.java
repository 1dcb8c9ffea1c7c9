package dev.tubebatch.ops;

import dev.tubebatch.youtube.budget.BreakerState;
import dev.tubebatch.youtube.budget.YouTubeGate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The cluster's standing with YouTube, read from the database so every node reports the same:
 * {@code tubebatch.youtube.breaker.trips} (trips so far), {@code tubebatch.youtube.calls.held} (calls refused while
 * the breaker was open), {@code tubebatch.youtube.breaker.open} (1 while open) and
 * {@code tubebatch.youtube.budget.tokens} (calls that could go at once; negative while calls wait for their turn).
 */
@Component
class YouTubeMetrics implements MeterBinder {

    private final YouTubeGate gate;
    private final Refreshed<BreakerState> breaker;

    YouTubeMetrics(YouTubeGate gate, Clock clock) {
        this.gate = gate;
        this.breaker = new Refreshed<>(clock, EngineMetrics.REFRESH, gate::breakerState);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("tubebatch.youtube.breaker.trips", this, m -> m.fresh().trips())
                .description("Trips of the YouTube circuit breaker, all nodes").register(registry);
        FunctionCounter.builder("tubebatch.youtube.calls.held", this, m -> m.fresh().heldCalls())
                .description("YouTube calls held back while the breaker was open, all nodes").register(registry);
        Gauge.builder("tubebatch.youtube.breaker.open", this, m -> m.fresh().open() ? 1 : 0)
                .description("1 while no YouTube call is made anywhere").register(registry);
        Gauge.builder("tubebatch.youtube.budget.tokens", gate, g -> g.budgetState().tokens())
                .description("YouTube calls that could go at once; negative while calls wait for their turn")
                .register(registry);
    }

    private BreakerState fresh() {
        return breaker.get();
    }
}
