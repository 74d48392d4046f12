-- The rollout of PAUSABLE_STREAMING shared by every instance: the same columns as the SQLite tables
-- (rollout/RolloutMigrations), so that one set of SQL serves both. Times are ISO-8601 text, flags 0/1.
CREATE TABLE rollout_state (
    feature            TEXT PRIMARY KEY,
    stage              INTEGER NOT NULL,
    percentage         INTEGER NOT NULL CHECK (percentage BETWEEN 0 AND 100),
    frozen             INTEGER NOT NULL DEFAULT 0,
    since              TEXT NOT NULL,
    version            BIGINT NOT NULL,
    observations_after BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE rollout_history (
    id              BIGSERIAL PRIMARY KEY,
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
CREATE INDEX rollout_history_feature ON rollout_history (feature, id);

CREATE FUNCTION rollout_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rollout history is append-only';
END;
$$;
CREATE TRIGGER rollout_history_no_change BEFORE UPDATE OR DELETE ON rollout_history
    FOR EACH ROW EXECUTE FUNCTION rollout_history_append_only();

-- Gate observations from every instance: the gates judge them together.
CREATE TABLE rollout_observations (
    id       BIGSERIAL PRIMARY KEY,
    feature  TEXT NOT NULL,
    at_ms    BIGINT NOT NULL,
    pausable INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    value    DOUBLE PRECISION NOT NULL
);
CREATE INDEX rollout_observations_window ON rollout_observations (feature, kind, pausable, at_ms);
