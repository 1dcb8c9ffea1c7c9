/**
 * Several nodes on one PostgreSQL: node roles ({@code web}, {@code worker}, {@code all}) and progress that crosses
 * nodes through PostgreSQL {@code LISTEN/NOTIFY}. The engine itself needs nothing from here to be correct across
 * nodes: JobRunr shares its jobs through the database, and dispatch takes a PostgreSQL advisory lock.
 */
@NullMarked
package dev.tubebatch.cluster;

import org.jspecify.annotations.NullMarked;
