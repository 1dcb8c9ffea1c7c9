package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;

/**
 * No inference slot came free for a video in time: its job ends, and the video waits for a slot without holding a
 * worker and without using a try ({@link InferenceTurns}).
 */
final class InferenceWait extends PipelineException {

    InferenceWait() {
        super(ErrorKind.UNKNOWN, InferenceTurns.NOTE);
    }
}
