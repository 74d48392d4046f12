package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rollout sits below the HTTP layer: it throws its own exceptions, which http/ErrorMapping turns into statuses. */
class RolloutLayeringTest {

    @Test
    void noRolloutSourceDependsOnTheHttpLayer() throws IOException {
        Path sources = Path.of("src/main/java/dev/docannotator/rollout");
        List<String> offenders;
        try (Stream<Path> files = Files.list(sources)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(RolloutLayeringTest::mentionsHttp)
                    .map(f -> f.getFileName().toString()).toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theRolloutsRefusalsAreNotHttpExceptions() {
        assertThat(RuntimeException.class).isEqualTo(RolloutConflictException.class.getSuperclass());
        assertThat(RuntimeException.class).isEqualTo(InvalidRolloutRequestException.class.getSuperclass());
    }

    private static boolean mentionsHttp(Path file) {
        try {
            return Files.readString(file).contains("dev.docannotator.http");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
