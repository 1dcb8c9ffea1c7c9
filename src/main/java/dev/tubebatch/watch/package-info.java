/**
 * Watches: a channel or playlist listed on a schedule, each run making a batch of the videos never seen before.
 * {@link dev.tubebatch.watch.WatchService} holds the commands and the JobRunr recurring jobs,
 * {@link dev.tubebatch.watch.WatchRunner} one run.
 */
@NullMarked
package dev.tubebatch.watch;

import org.jspecify.annotations.NullMarked;
