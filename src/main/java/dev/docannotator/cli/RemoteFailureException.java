package dev.docannotator.cli;

/** The server could not be reached, refused the work for a reason other than the document, or failed (exit 4). */
public class RemoteFailureException extends RuntimeException {
    public RemoteFailureException(String message) {
        super(message);
    }

    public RemoteFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
