/** The store interfaces (what the tasks service keeps, split by what it stores) and the embedded SQLite database. */
package dev.docannotator.storage;
