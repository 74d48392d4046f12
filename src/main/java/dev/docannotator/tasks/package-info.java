/**
 * Tasks: the task model, admission and the worker pool, per-task event logs, cancel/resume through
 * checkpoints, persistence in SQLite and retention. Nothing here knows about HTTP.
 */
package dev.docannotator.tasks;
