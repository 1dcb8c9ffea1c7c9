package dev.tubebatch.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one batch may be given.
 *
 * @param maxInputBytes pasted text or an uploaded file larger than this is refused whole
 * @param maxLines more lines than this are refused whole
 */
@ConfigurationProperties("tubebatch.intake")
public record IntakeLimits(Integer maxInputBytes, Integer maxLines) {

    public IntakeLimits {
        maxInputBytes = maxInputBytes == null ? 1_048_576 : maxInputBytes;
        maxLines = maxLines == null ? 10_000 : maxLines;
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(null, null);
    }
}
