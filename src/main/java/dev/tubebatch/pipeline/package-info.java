/**
 * The per-video JobRunr job and its steps (RESOLVE, CAPTIONS, AUDIO, TRANSCRIBE, SUMMARIZE, EXPORT), each recorded
 * when finished so a re-run resumes at the first unfinished step; the dispatcher that turns waiting items into jobs.
 */
@NullMarked
package dev.tubebatch.pipeline;

import org.jspecify.annotations.NullMarked;
