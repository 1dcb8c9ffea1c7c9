/**
 * Which PostgreSQL the app talks to: an embedded one (data under {@code ./data}) unless
 * {@code spring.datasource.url} names an external server.
 */
package dev.tubebatch.database;
