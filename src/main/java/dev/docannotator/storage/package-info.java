/**
 * The store interfaces (what the tasks service keeps, split by what it stores), the records they store (tasks,
 * their statuses and events, documents), the data directory's layout, and the embedded SQLite database. Depends
 * on nothing in {@code tasks}: the tasks service builds on it.
 */
package dev.docannotator.storage;
