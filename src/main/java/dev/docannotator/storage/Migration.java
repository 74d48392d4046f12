package dev.docannotator.storage;

/** One schema change, applied once, identified by a stable id such as "tasks-001-create". */
public record Migration(String id, String sql) {
}
