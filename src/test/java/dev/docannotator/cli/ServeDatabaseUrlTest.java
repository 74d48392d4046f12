package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.Application;
import dev.docannotator.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeDatabaseUrlTest {
    @TempDir
    Path dataDir;

    @Test
    void theDatabaseUrlComesFromTheFlagElseTheEnvironmentElseThereIsNone() {
        Map<String, String> env = Map.of("ANNOTATOR_DATABASE_URL", "postgresql://a:b@env-host/db");
        ServeCommand flagged = new ServeCommand();
        new CommandLine(flagged).parseArgs("--database-url", "postgresql://a:b@flag-host/db");
        assertThat(flagged.databaseUrl(env)).isEqualTo("postgresql://a:b@flag-host/db");
        assertThat(new ServeCommand().databaseUrl(env)).isEqualTo("postgresql://a:b@env-host/db");
        assertThat(new ServeCommand().databaseUrl(Map.of())).isNull();
        assertThat(new ServeCommand().databaseUrl(Map.of("ANNOTATOR_DATABASE_URL", " "))).isNull();
    }

    @Test
    void aUrlThatIsNotPostgresqlStopsTheStartWithoutEchoingThePassword() {
        Settings settings = Settings.defaults().withPort(0).withDataDir(dataDir);
        assertThatThrownBy(() -> Application.builder(settings).databaseUrl("mysql://u:topsecret@h/db").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://").hasMessageNotContaining("topsecret");
    }
}
