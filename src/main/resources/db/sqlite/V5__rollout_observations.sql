-- The gate observations (was "rollout-003-observations").
CREATE TABLE IF NOT EXISTS rollout_observations (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    feature  TEXT NOT NULL,
    at_ms    INTEGER NOT NULL,
    pausable INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    value    REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS rollout_observations_window ON rollout_observations (feature, kind, pausable, at_ms);
