package dev.docannotator.tasks;

import dev.docannotator.storage.Migration;
import java.util.List;

/** The schema of documents, tasks, checkpoints, annotations and event logs. */
final class TaskMigrations {
    private TaskMigrations() {
    }

    static List<Migration> all() {
        return List.of(new Migration("tasks-001-create", """
                CREATE TABLE documents (
                    document_id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    format TEXT NOT NULL,
                    size_bytes INTEGER NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE INDEX documents_created ON documents (created_at);
                CREATE TABLE tasks (
                    task_id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    document_id TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    format TEXT NOT NULL,
                    requirement TEXT NOT NULL,
                    locale TEXT NOT NULL,
                    pausable INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    progress INTEGER NOT NULL,
                    message TEXT,
                    error_code TEXT,
                    error_message TEXT,
                    annotation_count INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL);
                CREATE INDEX tasks_user ON tasks (user_id, created_at);
                CREATE INDEX tasks_updated ON tasks (updated_at);
                CREATE TABLE checkpoints (
                    task_id TEXT PRIMARY KEY REFERENCES tasks (task_id) ON DELETE CASCADE,
                    json TEXT NOT NULL,
                    updated_at TEXT NOT NULL);
                CREATE TABLE annotations (
                    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    json TEXT NOT NULL,
                    PRIMARY KEY (task_id, idx));
                CREATE TABLE task_events (
                    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    data TEXT NOT NULL,
                    PRIMARY KEY (task_id, seq))
                """),
                // Which analysers a task runs ("rules", "llm", "both"); older rows ran the rules.
                new Migration("tasks-002-analyser",
                        "ALTER TABLE tasks ADD COLUMN analyser TEXT NOT NULL DEFAULT 'rules'"));
    }
}
