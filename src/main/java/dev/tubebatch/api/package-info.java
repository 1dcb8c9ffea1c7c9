/**
 * The REST API under {@code /api}: batches (create, preview, list, get, control) and API tokens. Controllers
 * translate JSON to the services the web app uses and back; they hold no state and no rules of their own. Errors
 * are RFC 9457 problem details that name the offending field ({@link dev.tubebatch.api.ApiProblems}).
 */
@NullMarked
package dev.tubebatch.api;

import org.jspecify.annotations.NullMarked;
