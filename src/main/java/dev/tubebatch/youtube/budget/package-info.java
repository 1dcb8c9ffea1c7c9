/**
 * YouTube's limits, kept for the whole cluster in PostgreSQL: one request budget (a token bucket), one circuit
 * breaker that stops every call after repeated bot checks or 429s, and the proxies that rest after a block.
 */
@NullMarked
package dev.tubebatch.youtube.budget;

import org.jspecify.annotations.NullMarked;
