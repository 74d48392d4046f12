package dev.docannotator.document;

/** A document DocAnnotator will not process, with one human sentence saying why. */
public class DocumentRejectedException extends RuntimeException {

    /** Why the document was refused; each reason maps to one HTTP status and CLI exit code 3. */
    public enum Reason {
        /** None of the four formats, whatever its name says (HTTP 415). */
        UNSUPPORTED_FORMAT,
        /** Over the configured size limit (HTTP 413). */
        TOO_LARGE,
        /** Corrupt, truncated, encrypted, a decompression bomb, or no text (HTTP 422). */
        UNPROCESSABLE
    }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static DocumentRejectedException unprocessable(String message, Throwable cause) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, message, cause);
    }

    public static DocumentRejectedException unprocessable(String message) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, message);
    }
}
