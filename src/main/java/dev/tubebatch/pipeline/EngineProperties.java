package dev.tubebatch.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the engine retries, sweeps and watches its job server: every {@code tubebatch.engine.*} setting, each default
 * written here once.
 *
 * @param retryBase the delay before the first retry; each further retry doubles it
 * @param retryCap no retry waits longer than this
 * @param retryJitter each delay is varied by up to this share, up or down, so retries of many videos spread out
 * @param retryRoundDelay under the on-error policy {@code retry}, the wait before the failed videos' extra round
 * @param sweepInterval how often unfinished batches are checked for items without a live job
 * @param jobGrace how long an item may wait for its job to appear (or run without a live job) before the sweep
 *     recovers it; longer than a dispatch takes, so the sweep never races one
 * @param prefetch jobs handed to JobRunr beyond its worker threads, so that a worker that finishes finds the next
 *     job already enqueued instead of waiting for a dispatch; per-batch limits still hold (default 2)
 * @param watchdogInterval how often a stopped JobRunr job server is looked for (and started again)
 */
@ConfigurationProperties("tubebatch.engine")
public record EngineProperties(Duration retryBase, Duration retryCap, Double retryJitter, Duration retryRoundDelay,
        Duration sweepInterval, Duration jobGrace, Integer prefetch, Duration watchdogInterval) {

    public EngineProperties {
        retryBase = retryBase == null ? Duration.ofSeconds(5) : retryBase;
        retryCap = retryCap == null ? Duration.ofMinutes(5) : retryCap;
        retryJitter = retryJitter == null ? 0.2 : retryJitter;
        retryRoundDelay = retryRoundDelay == null ? Duration.ofMinutes(1) : retryRoundDelay;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        jobGrace = jobGrace == null ? Duration.ofSeconds(30) : jobGrace;
        prefetch = prefetch == null ? 2 : prefetch;
        watchdogInterval = watchdogInterval == null ? Duration.ofSeconds(5) : watchdogInterval;
        if (prefetch < 0) {
            throw new IllegalArgumentException("tubebatch.engine.prefetch must be 0 or more");
        }
        if (retryBase.isNegative() || retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("tubebatch.engine: retry-cap must be at least retry-base, both >= 0");
        }
        if (retryJitter < 0 || retryJitter >= 1) {
            throw new IllegalArgumentException("tubebatch.engine.retry-jitter must be in [0, 1)");
        }
    }
}
