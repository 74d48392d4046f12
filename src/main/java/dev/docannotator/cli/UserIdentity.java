package dev.docannotator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The command line's identity on a server: the {@code X-User-Id} token, random once and then kept in the
 * user's config directory so later runs see the same tasks.
 */
public final class UserIdentity {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private UserIdentity() {
    }

    public static boolean isValid(String token) {
        return token != null && VALID.matcher(token).matches();
    }

    /** {@code $XDG_CONFIG_HOME/doc-annotator} or {@code ~/.config/doc-annotator}. */
    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("doc-annotator");
    }

    /** The stored token, created (owner-only readable) when missing or invalid. */
    public static String loadOrCreate(Path configDir) throws IOException {
        Path file = configDir.resolve("user-id");
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file).trim();
            if (isValid(stored)) {
                return stored;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(configDir);
        Path tmp = Files.createTempFile(configDir, "user-id", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the user's profile directory is private already
        }
        Files.writeString(tmp, token + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return token;
    }
}
