package dev.docannotator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileStartsAFreshDatabaseAndOursOpensAgain() {
        Path file = dir.resolve("annotator.db");
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement().executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY)"));
        }
        DatabaseFile.check(file);
        try (Database again = Database.open(file)) {
            int notes = again.read(c -> c.createStatement().executeQuery("SELECT count(*) FROM notes").getInt(1));
            assertThat(notes).isZero();
        }
    }

    @Test
    void anEmptyFileIsRefusedWithOneLineThatSaysWhatToDo() throws Exception {
        Path file = Files.createFile(dir.resolve("annotator.db"));
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseFile.RefusedException.class)
                .hasMessageContaining("is empty").hasMessageContaining("--init").hasMessageNotContaining("\n");
        assertThat(Files.size(file)).as("refusing leaves the file alone").isZero();
    }

    @Test
    void aFileThatIsNotAnSqliteDatabaseIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("annotator.db"), "hello, this is not a database at all");
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseFile.RefusedException.class)
                .hasMessageContaining("not an SQLite database");
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("annotator.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseFile.RefusedException.class)
                .hasMessageContaining("not a DocAnnotator database");
    }

    @Test
    void anUnreadableFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("annotator.db"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // root reads anything: then the content check refuses it instead, still without opening it as a database.
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(DatabaseFile.RefusedException.class)
                .message().containsAnyOf("cannot be read", "not an SQLite database");
    }

    @Test
    void settingAsideKeepsTheOldFileAndLetsAFreshDatabaseStart() throws Exception {
        Path file = Files.createFile(dir.resolve("annotator.db"));
        Path aside = DatabaseFile.setAside(file);
        assertThat(aside).exists().hasFileName(aside.getFileName().toString());
        assertThat(aside.getFileName().toString()).startsWith("annotator.db.").endsWith(".bak");
        assertThat(file).doesNotExist();
        Database.open(file).close();
    }
}
