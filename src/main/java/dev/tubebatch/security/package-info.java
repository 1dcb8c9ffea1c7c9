/**
 * Who may do what: users and roles from configuration, form login for the web app, HTTP basic for the API.
 * Roles: VIEWER sees, OPERATOR creates and controls batches, ADMIN sees system settings.
 */
@NullMarked
package dev.tubebatch.security;

import org.jspecify.annotations.NullMarked;
