/**
 * Tasks: the running task, admission and the worker pool, per-task event logs, cancel/resume through
 * checkpoints, retention, on the records and stores of {@code storage}. Nothing here knows about HTTP.
 */
package dev.docannotator.tasks;
