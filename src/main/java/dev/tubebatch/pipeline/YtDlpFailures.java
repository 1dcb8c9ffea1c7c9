package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.youtube.YouTubePaused;
import dev.tubebatch.youtube.YtDlpException;

/** Translates the download tool's failure classes into the error kinds stored on items. */
final class YtDlpFailures {

    private YtDlpFailures() {}

    /** A call YouTube's pause or budget held back becomes a {@link YouTubeWait}: the video waits, using no try. */
    static PipelineException toPipeline(YtDlpException e) {
        if (e instanceof YouTubePaused paused) {
            return new YouTubeWait(paused);
        }
        ErrorKind kind = switch (e.failure()) {
            case RATE_LIMITED, BOT_CHECK -> ErrorKind.RATE_LIMITED;
            case NETWORK -> ErrorKind.NETWORK;
            case SERVER_ERROR -> ErrorKind.SERVER_ERROR;
            case TIMEOUT -> ErrorKind.TIMEOUT;
            case PRIVATE -> ErrorKind.PRIVATE;
            case REMOVED -> ErrorKind.REMOVED;
            case MEMBERS_ONLY -> ErrorKind.MEMBERS_ONLY;
            case AGE_RESTRICTED -> ErrorKind.AGE_RESTRICTED;
            case UPCOMING -> ErrorKind.UPCOMING;
            case GEO_BLOCKED -> ErrorKind.GEO_BLOCKED;
            case UNSUPPORTED_URL -> ErrorKind.INVALID;
            case NOT_INSTALLED -> ErrorKind.TOOL_MISSING;
            case UNKNOWN -> ErrorKind.UNKNOWN;
        };
        return new PipelineException(kind, e.getMessage(), e.stderrTail(), e);
    }
}
