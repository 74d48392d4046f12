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
    /** The message as a bundle key, so it can be said in any supported language; null for a text from elsewhere. */
    private final RejectionText text;

    /** A refusal whose message was written elsewhere (e.g. a server's answer, already in the user's language). */
    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.text = null;
    }

    public DocumentRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.text = null;
    }

    /** A refusal from the bundle; {@link #getMessage()} is its English text. */
    public DocumentRejectedException(Reason reason, RejectionText text) {
        this(reason, text, null);
    }

    public DocumentRejectedException(Reason reason, RejectionText text, Throwable cause) {
        super(text.in(java.util.Locale.ENGLISH), cause);
        this.reason = reason;
        this.text = text;
    }

    /** The message in {@code locale}'s language when it came from the bundle, else as it was given. */
    public String message(java.util.Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }

    public Reason reason() {
        return reason;
    }

    /** The message as a bundle key and its arguments (to say it elsewhere, e.g. a worker's refusal in the server). */
    public java.util.Optional<RejectionText> text() {
        return java.util.Optional.ofNullable(text);
    }

    public static DocumentRejectedException unprocessable(String message, Throwable cause) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, message, cause);
    }

    public static DocumentRejectedException unprocessable(String message) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, message);
    }

    public static DocumentRejectedException unprocessable(RejectionText text, Throwable cause) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, text, cause);
    }

    public static DocumentRejectedException unprocessable(RejectionText text) {
        return new DocumentRejectedException(Reason.UNPROCESSABLE, text, null);
    }
}
