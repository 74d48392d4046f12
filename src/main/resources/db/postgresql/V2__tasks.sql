-- Documents (with their bytes, so that any instance can serve them), tasks, checkpoints, annotations, event logs and
-- results. Tasks are stored under their key "<user>:<task_id>" as in the SQLite store. Versions 2-49 are the task
-- store's; the cluster (instances, scheduler, rollout) uses 50 and up.
CREATE TABLE documents (
    document_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    content BYTEA NOT NULL);
CREATE INDEX documents_created ON documents (created_at);

CREATE TABLE tasks (
    task_id TEXT PRIMARY KEY,
    -- Insertion order, for "newest first" among tasks created in the same millisecond.
    row_no BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    requirement TEXT NOT NULL,
    locale TEXT NOT NULL,
    pausable BOOLEAN NOT NULL,
    analyser TEXT NOT NULL DEFAULT 'rules',
    status TEXT NOT NULL,
    stage TEXT NOT NULL,
    progress INTEGER NOT NULL,
    message TEXT,
    error_code TEXT,
    error_message TEXT,
    annotation_count INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL);
CREATE INDEX tasks_user ON tasks (user_id, created_at);
CREATE INDEX tasks_updated ON tasks (updated_at);
CREATE INDEX tasks_document ON tasks (document_id);
CREATE INDEX tasks_unfinished ON tasks (status) WHERE status IN ('queued', 'running');

CREATE TABLE checkpoints (
    task_id TEXT PRIMARY KEY REFERENCES tasks (task_id) ON DELETE CASCADE,
    json TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL);

CREATE TABLE annotations (
    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (task_id, idx));

CREATE TABLE task_events (
    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (task_id, seq));

-- The annotated document of a completed task; result_id names the copies instances keep in their local caches
-- (a task key can be used again after retention removed the task, a result id never is).
CREATE TABLE results (
    task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    result_id TEXT NOT NULL UNIQUE,
    size_bytes BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, format));
