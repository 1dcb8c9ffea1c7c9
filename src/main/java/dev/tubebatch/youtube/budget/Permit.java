package dev.tubebatch.youtube.budget;

import org.jspecify.annotations.Nullable;

/**
 * A call's turn at the gate: its kind and the proxy it goes through (null: direct).
 */
public record Permit(CallKind kind, @Nullable ProxyAddress proxy) {}
