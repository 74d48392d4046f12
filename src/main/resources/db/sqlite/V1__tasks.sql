-- Documents, tasks, checkpoints, annotations and event logs (was "tasks-001-create" before Flyway).
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_created ON documents (created_at);
CREATE TABLE IF NOT EXISTS tasks (
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
CREATE INDEX IF NOT EXISTS tasks_user ON tasks (user_id, created_at);
CREATE INDEX IF NOT EXISTS tasks_updated ON tasks (updated_at);
CREATE TABLE IF NOT EXISTS checkpoints (
    task_id TEXT PRIMARY KEY REFERENCES tasks (task_id) ON DELETE CASCADE,
    json TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS annotations (
    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (task_id, idx));
CREATE TABLE IF NOT EXISTS task_events (
    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (task_id, seq));
