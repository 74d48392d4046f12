-- The append-only rollout history (was "rollout-002-history").
CREATE TABLE IF NOT EXISTS rollout_history (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    feature         TEXT NOT NULL,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    from_stage      INTEGER NOT NULL,
    to_stage        INTEGER NOT NULL,
    from_percentage INTEGER NOT NULL,
    to_percentage   INTEGER NOT NULL,
    reason          TEXT NOT NULL,
    metrics         TEXT
);
CREATE INDEX IF NOT EXISTS rollout_history_feature ON rollout_history (feature, id);
CREATE TRIGGER IF NOT EXISTS rollout_history_no_update BEFORE UPDATE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS rollout_history_no_delete BEFORE DELETE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END;
