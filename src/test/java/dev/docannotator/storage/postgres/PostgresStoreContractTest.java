package dev.docannotator.storage.postgres;

import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreContractTest;
import dev.docannotator.tasks.TaskFiles;
import dev.docannotator.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    protected void closeStore() {
        open.forEach(PostgresDatabase::close);
        open.clear();
    }
}
