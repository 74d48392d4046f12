package dev.docannotator.rollout;

import dev.docannotator.storage.Migration;
import java.util.List;

/** The rollout tables: current state per feature, append-only history, and the gate observations. */
public final class RolloutMigrations {

    private RolloutMigrations() {
    }

    public static List<Migration> all() {
        return List.of(
                new Migration("rollout-001-state", """
                        CREATE TABLE rollout_state (
                            feature    TEXT PRIMARY KEY,
                            stage      INTEGER NOT NULL,
                            percentage INTEGER NOT NULL CHECK (percentage BETWEEN 0 AND 100),
                            frozen     INTEGER NOT NULL DEFAULT 0,
                            since      TEXT NOT NULL,
                            version    INTEGER NOT NULL,
                            observations_after INTEGER NOT NULL DEFAULT 0
                        );
                        """),
                new Migration("rollout-002-history", """
                        CREATE TABLE rollout_history (
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
                        CREATE INDEX rollout_history_feature ON rollout_history (feature, id);
                        CREATE TRIGGER rollout_history_no_update BEFORE UPDATE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END;
                        CREATE TRIGGER rollout_history_no_delete BEFORE DELETE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END;
                        """),
                new Migration("rollout-003-observations", """
                        CREATE TABLE rollout_observations (
                            id       INTEGER PRIMARY KEY AUTOINCREMENT,
                            feature  TEXT NOT NULL,
                            at_ms    INTEGER NOT NULL,
                            pausable INTEGER NOT NULL,
                            kind     TEXT NOT NULL,
                            value    REAL NOT NULL
                        );
                        CREATE INDEX rollout_observations_window ON rollout_observations (feature, kind, pausable, at_ms);
                        """));
    }
}
