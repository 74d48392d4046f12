package dev.docannotator.http;

/** 503 server_busy with the number of seconds a client should wait before it tries again. */
public final class ServerBusyException extends ApiException {
    private final int retryAfterSeconds;

    public ServerBusyException(String message, int retryAfterSeconds) {
        super(503, "server_busy", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
