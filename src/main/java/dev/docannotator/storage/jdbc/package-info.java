/** The SQL both stores share (tasks, events, checkpoints, annotations, document rows), over a small dialect. */
package dev.docannotator.storage.jdbc;
