/** The embedded SQLite store (one instance): its schema migrations and the store over {@code storage.Database}. */
package dev.docannotator.storage.sqlite;
