package dev.tubebatch.batch;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a batch.
 *
 * @param videos the videos in order, already validated and de-duplicated by intake
 * @param maxWorkers at most this many of the batch's videos run at once; null for the global limit
 * @param retryLimit retries after the first try for a transient failure, 0 to {@value #MAX_RETRY_LIMIT}
 * @param options the batch's summary options; null for the node's
 */
public record NewBatch(String name, List<NewVideo> videos, @Nullable Integer maxWorkers, int retryLimit,
        OnErrorPolicy onError,
        BatchOptions options) {

    /** Retries a batch gets when its creator names none (web app, CLI and API alike). */
    public static final int DEFAULT_RETRY_LIMIT = 3;
    public static final int MAX_RETRY_LIMIT = 10;
    public static final int MAX_NAME_LENGTH = 200;

    public NewBatch {
        Objects.requireNonNull(videos, "videos");
        Objects.requireNonNull(onError, "onError");
        name = name == null ? "" : name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("videos: a batch needs at least one video");
        }
        if (maxWorkers != null && maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers: must be 1 or more");
        }
        if (retryLimit < 0 || retryLimit > MAX_RETRY_LIMIT) {
            throw new IllegalArgumentException("retryLimit: must be between 0 and " + MAX_RETRY_LIMIT);
        }
        videos = List.copyOf(videos);
        options = options == null ? BatchOptions.DEFAULTS : options;
    }

    /** A batch with the node's summary options. */
    public NewBatch(String name, List<NewVideo> videos, @Nullable Integer maxWorkers, int retryLimit,
            OnErrorPolicy onError) {
        this(name, videos, maxWorkers, retryLimit, onError, BatchOptions.DEFAULTS);
    }

    /** One video: its canonical watch URL and its 11-character id. */
    public record NewVideo(String url, String videoId) {
        public NewVideo {
            Objects.requireNonNull(url, "url");
            if (videoId == null || !videoId.matches("[A-Za-z0-9_-]{11}")) {
                throw new IllegalArgumentException("videoId: not an 11-character YouTube id: " + videoId);
            }
        }
    }
}
