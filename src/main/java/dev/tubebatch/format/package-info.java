/**
 * How times are written for people, in one place for the web app, the command line and the exports. A leaf:
 * depends on no feature.
 */
@NullMarked
package dev.tubebatch.format;

import org.jspecify.annotations.NullMarked;
