/** The embedded SQLite database and its versioned migrations. */
package dev.docannotator.storage;
