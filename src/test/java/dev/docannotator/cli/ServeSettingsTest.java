package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.Settings;
import dev.docannotator.workers.WorkerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeSettingsTest {
    @Test
    void openStreamsPerUserDefaultToTwentyAndComeFromTheEnvironmentOrTheServeFlag() {
        assertThat(Settings.defaults().maxStreamsPerUser()).isEqualTo(20);
        Settings fromEnv = Settings.fromEnvironment(Map.of("ANNOTATOR_MAX_STREAMS_PER_USER", "7"));
        assertThat(fromEnv.maxStreamsPerUser()).isEqualTo(7);

        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--max-streams-per-user", "4");
        assertThat(serve.settings(fromEnv).maxStreamsPerUser()).isEqualTo(4);
        assertThat(new ServeCommand().settings(fromEnv).maxStreamsPerUser()).isEqualTo(7);
    }

    @Test
    void processModeLeavesTheServerACoreUnlessTheOperatorSaysHowManyWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        Settings base = Settings.fromEnvironment(Map.of());
        WorkerSettings processes = WorkerSettings.processes();
        assertThat(new ServeCommand().settings(base, processes, Map.of()).workers()).isEqualTo(Math.max(1, cores - 1));
        assertThat(new ServeCommand().settings(base, WorkerSettings.inProcess(), Map.of()).workers()).isEqualTo(cores);

        Settings fromEnv = Settings.fromEnvironment(Map.of("ANNOTATOR_WORKERS", "5"));
        assertThat(new ServeCommand().settings(fromEnv, processes, Map.of("ANNOTATOR_WORKERS", "5")).workers()).isEqualTo(5);
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--workers", "3");
        assertThat(serve.settings(base, processes, Map.of()).workers()).isEqualTo(3);
        assertThat(processes.defaultWorkers(1)).isEqualTo(1);
        assertThat(processes.defaultWorkers(8)).isEqualTo(7);
    }

    @Test
    void aCapBelowOneIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ANNOTATOR_MAX_STREAMS_PER_USER", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams per user");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ANNOTATOR_MAX_STREAMS_PER_USER", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANNOTATOR_MAX_STREAMS_PER_USER");
    }

}
