/**
 * Who may do what: users stored in PostgreSQL (and, read-only, from configuration), the first start's admin, limits
 * on password guessing, form login for the web app, API tokens and HTTP basic for the API.
 * Roles: VIEWER sees, OPERATOR creates and controls batches, ADMIN sees system settings and manages users and tokens.
 */
@NullMarked
package dev.tubebatch.security;

import org.jspecify.annotations.NullMarked;
