package dev.docannotator.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.DocumentFormat;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreContractTest;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a fresh database of a real PostgreSQL. The other handle has a data directory of its own, as
 * another instance would: what it serves comes from the database, not from files the first one left.
 */
class PostgresStoreContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private String url;
    private final List<PostgresDatabase> open = new ArrayList<>();

    private Store openOn(Path dir) {
        if (url == null) {
            url = TestPostgres.freshDatabaseUrl();
        }
        PostgresDatabase database = PostgresDatabase.connect(DatabaseUrl.parse(url), 2);
        open.add(database);
        database.migrate();
        return new PostgresStore(database, new TaskFiles(dir));
    }

    @Override
    protected Store openStore() {
        return openOn(dataDir);
    }

    @Override
    protected Store openOther() {
        return openOn(otherDataDir);
    }

    @Test
    void anInstanceDropsItsLocalCopiesOfWhatAnotherInstancesRetentionRemoved() throws Exception {
        Path upload = Files.createTempFile("upload-", ".part");
        Files.writeString(upload, "abc");
        store.documents().insert(new DocumentRecord("doc-00000001", USER, "a.txt", DocumentFormat.TXT, 3, T0), upload);
        Path kept = Files.createTempFile("upload-", ".part");
        Files.writeString(kept, "def");
        store.documents().insert(new DocumentRecord("doc-00000002", USER, "b.txt", DocumentFormat.TXT, 3, T0), kept);
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.COMPLETED, T0));
        Path work = store.results().workFile("k:task-0001", DocumentFormat.TXT);
        Files.createDirectories(work.getParent());
        Files.writeString(work, "result");
        store.results().put("k:task-0001", DocumentFormat.TXT);

        Store other = openOther();
        Path otherDocument = other.documents().localFile("doc-00000001").orElseThrow();
        Path otherKept = other.documents().localFile("doc-00000002").orElseThrow();
        Path otherResult = other.results().localFile("k:task-0001", DocumentFormat.TXT).orElseThrow();
        assertThat(other.pruneLocalCopies()).isZero();

        store.tasks().delete(List.of("k:task-0001"));
        store.documents().delete(List.of("doc-00000001"));
        assertThat(other.pruneLocalCopies()).isEqualTo(2);
        assertThat(otherDocument).doesNotExist();
        assertThat(otherResult).doesNotExist();
        assertThat(otherKept).hasContent("def");
    }

    @Override
    protected void closeStore() {
        open.forEach(PostgresDatabase::close);
        open.clear();
    }
}
