-- The instances sharing this database, each with its last heartbeat (the admin API lists them).
CREATE TABLE instances (
    instance_id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL
);
