package dev.docannotator.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.common.Json;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.CheckpointSummary;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.Database;
import dev.docannotator.storage.DatabaseFile;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data directories made before Flyway (the hand-rolled {@code schema_migrations} table) open with their rows kept:
 * the database is baselined at the schema it has and only what it lacks is applied.
 */
class SqliteMigrationsTest {
    @TempDir
    Path dir;

    /** tasks-001-create exactly as the code before Flyway ran it. */
    private static final String TASKS_001 = """
            CREATE TABLE documents (document_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, filename TEXT NOT NULL,
                format TEXT NOT NULL, size_bytes INTEGER NOT NULL, created_at TEXT NOT NULL);
            CREATE INDEX documents_created ON documents (created_at);
            CREATE TABLE tasks (task_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, document_id TEXT NOT NULL,
                filename TEXT NOT NULL, format TEXT NOT NULL, requirement TEXT NOT NULL, locale TEXT NOT NULL,
                pausable INTEGER NOT NULL, status TEXT NOT NULL, stage TEXT NOT NULL, progress INTEGER NOT NULL,
                message TEXT, error_code TEXT, error_message TEXT, annotation_count INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX tasks_user ON tasks (user_id, created_at);
            CREATE INDEX tasks_updated ON tasks (updated_at);
            CREATE TABLE checkpoints (task_id TEXT PRIMARY KEY REFERENCES tasks (task_id) ON DELETE CASCADE,
                json TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE annotations (task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
                idx INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (task_id, idx));
            CREATE TABLE task_events (task_id TEXT NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
                seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (task_id, seq))
            """;
    private static final String TASKS_002 = "ALTER TABLE tasks ADD COLUMN analyser TEXT NOT NULL DEFAULT 'rules'";
    private static final String ROLLOUT_001 = """
            CREATE TABLE rollout_state (feature TEXT PRIMARY KEY, stage INTEGER NOT NULL,
                percentage INTEGER NOT NULL CHECK (percentage BETWEEN 0 AND 100), frozen INTEGER NOT NULL DEFAULT 0,
                since TEXT NOT NULL, version INTEGER NOT NULL, observations_after INTEGER NOT NULL DEFAULT 0)
            """;
    private static final String ROLLOUT_002 = """
            CREATE TABLE rollout_history (id INTEGER PRIMARY KEY AUTOINCREMENT, feature TEXT NOT NULL, at TEXT NOT NULL,
                actor TEXT NOT NULL, action TEXT NOT NULL, from_stage INTEGER NOT NULL, to_stage INTEGER NOT NULL,
                from_percentage INTEGER NOT NULL, to_percentage INTEGER NOT NULL, reason TEXT NOT NULL, metrics TEXT);
            CREATE INDEX rollout_history_feature ON rollout_history (feature, id);
            CREATE TRIGGER rollout_history_no_update BEFORE UPDATE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END;
            CREATE TRIGGER rollout_history_no_delete BEFORE DELETE ON rollout_history BEGIN SELECT RAISE(ABORT, 'rollout history is append-only'); END
            """;
    private static final String ROLLOUT_003 = """
            CREATE TABLE rollout_observations (id INTEGER PRIMARY KEY AUTOINCREMENT, feature TEXT NOT NULL,
                at_ms INTEGER NOT NULL, pausable INTEGER NOT NULL, kind TEXT NOT NULL, value REAL NOT NULL);
            CREATE INDEX rollout_observations_window ON rollout_observations (feature, kind, pausable, at_ms)
            """;

    private static final String TASK_ROW = "INSERT INTO tasks (task_id, user_id, document_id, filename, format, "
            + "requirement, locale, pausable, status, stage, progress, message, error_code, error_message, "
            + "annotation_count, created_at, updated_at) VALUES ('alice:old-task-01', 'alice', 'doc-00000001', 'a.txt', "
            + "'txt', 'find TODO', 'en', 1, 'cancelled', 'analyse', 40, NULL, NULL, NULL, 2, "
            + "'2026-01-01T10:00:00.000Z', '2026-01-01T10:00:05.000Z')";

    /** Makes a database the way the code before Flyway did: its schema_migrations, the given migrations, rows. */
    private Path oldDatabase(List<String> ids, List<String> sql, String... rows) throws Exception {
        Path file = dir.resolve("annotator.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            for (int i = 0; i < ids.size(); i++) {
                for (String statement : sql.get(i).split(";\\s*(\\n|$)")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
                st.execute("INSERT INTO schema_migrations VALUES ('" + ids.get(i) + "', '2026-01-01T00:00:00.000Z')");
            }
            for (String row : rows) {
                st.execute(row);
            }
        }
        return file;
    }

    private static int count(Database db, String query) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void aDatabaseWithEveryOldMigrationIsBaselinedAndKeepsItsTasksAndRolloutState() throws Exception {
        Path file = oldDatabase(List.of("tasks-001-create", "tasks-002-analyser", "rollout-001-state",
                        "rollout-002-history", "rollout-003-observations"),
                List.of(TASKS_001, TASKS_002, ROLLOUT_001, ROLLOUT_002, ROLLOUT_003), TASK_ROW,
                "INSERT INTO checkpoints VALUES ('alice:old-task-01', '" + Json.write(new Checkpoint(Stage.ANALYSE, 1, 40,
                        new ExtractedText("one TODO", List.of(new TextBlock(0, 8, null, 1))), List.of(), 0))
                        + "', '2026-01-01T10:00:05.000Z')",
                "INSERT INTO rollout_state VALUES ('PAUSABLE_STREAMING', 2, 10, 0, '2026-01-01T00:00:00Z', 7, 0)");
        DatabaseFile.check(file);

        try (Database db = Database.open(file)) {
            TaskView task = new SqliteStore(db, new TaskFiles(dir)).tasks().find("alice:old-task-01").orElseThrow();
            assertThat(task.taskId()).isEqualTo("old-task-01");
            assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(task.progress()).isEqualTo(40);
            assertThat(count(db, "SELECT version FROM rollout_state WHERE feature = 'PAUSABLE_STREAMING'")).isEqualTo(7);
            assertThat(count(db, "SELECT CAST(version AS INTEGER) FROM flyway_schema_history WHERE type = 'BASELINE'"))
                    .isEqualTo(5);
            assertThat(count(db, "SELECT count(*) FROM flyway_schema_history WHERE success = 1 "
                    + "AND CAST(version AS INTEGER) BETWEEN 1 AND 5 AND type <> 'BASELINE'")).isZero();
            // A checkpoint written before texts were kept apart still carries its own text.
            assertThat(new SqliteStore(db, new TaskFiles(dir)).checkpoints().load("alice:old-task-01").orElseThrow()
                    .text().text()).isEqualTo("one TODO");
            // Stored before checkpoints had a summary: the report's summary comes from the whole checkpoint.
            assertThat(new SqliteStore(db, new TaskFiles(dir)).checkpoints().summary("alice:old-task-01"))
                    .contains(new CheckpointSummary(List.of(), null, null));
        }
        // Opened a second time: nothing more to do, nothing lost.
        DatabaseFile.check(file);
        try (Database db = Database.open(file)) {
            assertThat(count(db, "SELECT count(*) FROM tasks")).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseFromBeforeTheAnalyserColumnGetsItAndItsOldTasksRanTheRules() throws Exception {
        Path file = oldDatabase(List.of("tasks-001-create"), List.of(TASKS_001), TASK_ROW);

        try (Database db = Database.open(file)) {
            TaskView task = new SqliteStore(db, new TaskFiles(dir)).tasks().find("alice:old-task-01").orElseThrow();
            assertThat(task.analyser()).isEqualTo(AnalyserChoice.RULES);
            assertThat(count(db, "SELECT count(*) FROM rollout_state")).isZero();
        }
    }

    @Test
    void aDatabaseWithOnlyTheRolloutTablesGetsTheTaskTablesAndKeepsItsRolloutState() throws Exception {
        Path file = oldDatabase(List.of("rollout-001-state", "rollout-002-history", "rollout-003-observations"),
                List.of(ROLLOUT_001, ROLLOUT_002, ROLLOUT_003),
                "INSERT INTO rollout_state VALUES ('PAUSABLE_STREAMING', 1, 5, 0, '2026-01-01T00:00:00Z', 3, 0)");

        try (Database db = Database.open(file)) {
            assertThat(count(db, "SELECT version FROM rollout_state")).isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM tasks")).isZero();
            assertThat(count(db, "SELECT count(*) FROM pragma_table_info('tasks') WHERE name = 'analyser'")).isEqualTo(1);
        }
    }

    @Test
    void aFreshDatabaseIsOneOfOursForTheFileCheck() {
        Path file = dir.resolve("fresh.db");
        Database.open(file).close();
        DatabaseFile.check(file);
    }
}
