package dev.docannotator.storage.sqlite;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.StoreContractTest;
import dev.docannotator.storage.TaskFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite database of a temporary data directory. */
class SqliteStoreContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;

    private final List<Database> open = new ArrayList<>();

    private Store openOn() {
        Database database = Database.open(dataDir.resolve("annotator.db"));
        open.add(database);
        return new SqliteStore(database, new TaskFiles(dataDir));
    }

    @Override
    protected Store openStore() {
        return openOn();
    }

    @Override
    protected Store openOther() {
        return openOn();
    }

    @Override
    protected void closeStore() {
        open.forEach(Database::close);
        open.clear();
    }
}
