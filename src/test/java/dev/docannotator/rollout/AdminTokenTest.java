package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutASettingATokenIsGeneratedIntoAnOwnerOnlyFileAndReusedNextTime() throws Exception {
        AdminToken first = AdminToken.resolve(null, dataDir);
        Path file = dataDir.resolve("admin-token");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file).strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.authorizes("Bearer " + token)).isTrue();
        assertThat(first.origin()).isEqualTo(file.toAbsolutePath().toString());

        AdminToken second = AdminToken.resolve("", dataDir);
        assertThat(second.matches(token)).isTrue();
    }

    @Test
    void aLooseFileIsTightenedToOwnerOnly() throws Exception {
        Path file = dataDir.resolve("admin-token");
        Files.writeString(file, "a-token-that-is-long-enough\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AdminToken token = AdminToken.resolve(null, dataDir);
        assertThat(token.matches("a-token-that-is-long-enough")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theSettingWinsAndNoFileIsWritten() {
        AdminToken token = AdminToken.resolve("configured-secret-0123456789", dataDir);
        assertThat(token.authorizes("Bearer configured-secret-0123456789")).isTrue();
        assertThat(token.authorizes("bearer configured-secret-0123456789")).isTrue();
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    @Test
    void wrongMissingOrMalformedCredentialsAreRefused() {
        AdminToken token = AdminToken.resolve("configured-secret-0123456789", dataDir);
        assertThat(token.authorizes(null)).isFalse();
        assertThat(token.authorizes("")).isFalse();
        assertThat(token.authorizes("Bearer ")).isFalse();
        assertThat(token.authorizes("Bearer configured-secret-012345678")).isFalse();
        assertThat(token.authorizes("Basic configured-secret-0123456789")).isFalse();
        assertThat(token.authorizes("configured-secret-0123456789")).isFalse();
    }

    @Test
    void aTooShortConfiguredTokenIsRejectedAtStartUp() {
        assertThatThrownBy(() -> AdminToken.resolve("short", dataDir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
    }
}
