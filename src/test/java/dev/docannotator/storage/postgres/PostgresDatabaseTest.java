package dev.docannotator.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.storage.StorageException;
import dev.docannotator.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresDatabaseTest {

    @Test
    void operatorUrlBecomesJdbcUrlAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://ann:s%40cret@db.example:6543/reviews?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/reviews?sslmode=require");
        assertThat(url.user()).isEqualTo("ann");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void badUrlsAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
                .hasMessageContaining("postgresql://").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h"))
                .hasMessageContaining("database name");
    }

    @Test
    void migratesOnceAndAnswers() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.connect(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()), 2)) {
            db.migrate();
            db.migrate();
            assertThat(db.reachable(Duration.ofSeconds(1))).isTrue();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM instances")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aDatabaseThatHasTheClustersLaterVersionsStillTakesATaskStoreVersionAddedAfterThem(@TempDir Path before)
            throws Exception {
        // The schema as deployed before V4 (checkpoint summaries): every migration but V4, the cluster's V50-V53 too.
        Path all = Path.of(PostgresDatabaseTest.class.getResource("/db/postgresql").toURI());
        try (Stream<Path> files = Files.list(all)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("V4__")).toList()) {
                Files.copy(file, before.resolve(file.getFileName()));
            }
        }
        try (PostgresDatabase db = PostgresDatabase.connect(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()), 2)) {
            Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + before).load().migrate();

            db.migrate();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.columns "
                         + "WHERE table_name = 'checkpoints' AND column_name = 'summary'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void unreachableServerIsAClearStorageError() {
        assertThatThrownBy(() -> PostgresDatabase.connect(DatabaseUrl.parse("postgresql://u:pw@127.0.0.1:1/none"), 1))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Cannot connect to PostgreSQL")
                .hasMessageNotContaining(":pw");
    }
}
