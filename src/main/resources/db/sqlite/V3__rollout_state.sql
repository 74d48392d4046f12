-- The rollout state per feature (was "rollout-001-state"; IF NOT EXISTS: a data directory may have had the rollout
-- tables without the task tables, see storage.Database#LEGACY_VERSIONS).
CREATE TABLE IF NOT EXISTS rollout_state (
    feature    TEXT PRIMARY KEY,
    stage      INTEGER NOT NULL,
    percentage INTEGER NOT NULL CHECK (percentage BETWEEN 0 AND 100),
    frozen     INTEGER NOT NULL DEFAULT 0,
    since      TEXT NOT NULL,
    version    INTEGER NOT NULL,
    observations_after INTEGER NOT NULL DEFAULT 0
);
