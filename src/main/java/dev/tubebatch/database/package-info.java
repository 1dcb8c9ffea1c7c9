/**
 * Which PostgreSQL the app talks to: an embedded one (data under {@code ./data}, durable, password in a file only
 * its owner reads, shared by every tubebatch process of the folder) unless {@code spring.datasource.url} names an
 * external server.
 */
@NullMarked
package dev.tubebatch.database;

import org.jspecify.annotations.NullMarked;
