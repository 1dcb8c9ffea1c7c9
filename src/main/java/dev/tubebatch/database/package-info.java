/**
 * Which PostgreSQL the app talks to: an embedded one (data under {@code ./data}) unless
 * {@code spring.datasource.url} names an external server.
 */
@NullMarked
package dev.tubebatch.database;

import org.jspecify.annotations.NullMarked;
