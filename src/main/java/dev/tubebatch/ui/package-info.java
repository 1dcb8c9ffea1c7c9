/**
 * The Vaadin views: login, the batch list, a new batch, one batch with its videos. Views call services only and
 * follow live progress through {@link dev.tubebatch.batch.BatchEvents} and server push.
 */
@NullMarked
package dev.tubebatch.ui;

import org.jspecify.annotations.NullMarked;
