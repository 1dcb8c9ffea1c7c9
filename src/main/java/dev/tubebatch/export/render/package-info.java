/**
 * Pure renderers: a {@link dev.tubebatch.export.render.BatchSnapshot} in, text or PDF bytes out (reports, transcript
 * formats, the combined PDF). No files, no database: the same snapshot gives the same output on any node.
 */
@NullMarked
package dev.tubebatch.export.render;

import org.jspecify.annotations.NullMarked;
