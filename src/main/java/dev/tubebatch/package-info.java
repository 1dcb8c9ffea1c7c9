/**
 * The application's entry point: the web app, REST API and workers, or the command line. Every feature lives in a
 * sub-package; each is {@code @NullMarked}, so a type without {@code @Nullable} never holds null (NullAway checks).
 */
@NullMarked
package dev.tubebatch;

import org.jspecify.annotations.NullMarked;
