package dev.tubebatch.pipeline;

import dev.tubebatch.youtube.VideoMetadata;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;

/** Fetches metadata once per try; a resumed try that skipped RESOLVE fetches it when a later step needs it. */
final class MetadataCache {

    private MetadataCache() {}

    static VideoMetadata fetch(YtDlpClient ytDlp, ItemContext context) {
        if (context.metadata == null) {
            try {
                context.metadata = ytDlp.fetchMetadata(context.item.url());
            } catch (YtDlpException e) {
                throw YtDlpFailures.toPipeline(e);
            }
        }
        return context.metadata;
    }
}
