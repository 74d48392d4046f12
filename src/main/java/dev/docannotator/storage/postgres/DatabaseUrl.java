package dev.docannotator.storage.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as operators write it, {@code postgresql://USER:PASSWORD@HOST:PORT/DB[?params]}, split into
 * the JDBC URL and the credentials. The password is kept out of {@link #toString()} so that it never reaches a log.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** Parses {@code postgresql://} or {@code postgres://} (and accepts a {@code jdbc:postgresql://} URL as it is). */
    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty.");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The database URL is not a URL: " + redact(trimmed));
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(
                    "The database URL must start with postgresql:// (as in postgresql://USER:PASSWORD@HOST:5432/DB), not "
                            + redact(trimmed));
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(
                    "The database URL needs a host and a database name: postgresql://USER:PASSWORD@HOST:5432/DB");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, for messages. */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@");
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
