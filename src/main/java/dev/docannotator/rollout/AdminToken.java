package dev.docannotator.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator API's bearer token: the setting ANNOTATOR_ADMIN_TOKEN, or else a random token kept in the data
 * directory ({@code admin-token}, owner read/write only) and reused on later start-ups. Compared in constant time.
 */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MIN_LENGTH = 16;

    private final byte[] digest;
    private final String origin;

    private AdminToken(String token, String origin) {
        this.digest = sha256(token);
        this.origin = origin;
    }

    /** Where the token comes from, for the start-up log (never the token itself). */
    public String origin() {
        return origin;
    }

    /** The configured token when set, otherwise the one stored in (or newly generated into) {@code dataDir}. */
    public static AdminToken resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalArgumentException("ANNOTATOR_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters long.");
            }
            LOG.info("Operator API: admin token from the setting ANNOTATOR_ADMIN_TOKEN");
            return new AdminToken(configured.strip(), "setting ANNOTATOR_ADMIN_TOKEN");
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            String token = readOrCreate(file);
            LOG.info("Operator API: admin token stored in {} (owner-only); send it as 'Authorization: Bearer <token>'", file);
            return new AdminToken(token, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the admin token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.length() >= MIN_LENGTH) {
                restrict(file);
                return stored;
            }
            Files.delete(file); // empty or truncated: replace it
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // Created owner-only from the start, so the token is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
            LOG.warn("The file system of {} has no POSIX permissions; restrict access to it by other means.", file);
        } catch (FileAlreadyExistsException e) {
            return readOrCreate(file); // another instance on the same data dir was quicker
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return token;
    }

    private static void restrict(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
    }

    /** Whether {@code presented} is the token, in time independent of where they differ (and of their lengths). */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Whether an {@code Authorization} header value is "Bearer &lt;the token&gt;". */
    public boolean authorizes(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return matches(authorizationHeader.substring(7).strip());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
