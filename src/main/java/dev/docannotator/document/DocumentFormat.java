package dev.docannotator.document;

import java.util.Locale;

/** The four document formats DocAnnotator reads, and what each one becomes once annotated. */
public enum DocumentFormat {
    DOCX("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "pdf", "application/pdf"),
    TXT("txt", "html", "text/html; charset=utf-8"),
    MD("md", "html", "text/html; charset=utf-8");

    private final String id;
    private final String outputExtension;
    private final String outputContentType;

    DocumentFormat(String id, String outputExtension, String outputContentType) {
        this.id = id;
        this.outputExtension = outputExtension;
        this.outputContentType = outputContentType;
    }

    /** The lower-case name used in the API ("docx", "pdf", "txt", "md"). */
    public String id() {
        return id;
    }

    /** Extension of the annotated output: text formats become a self-contained HTML review page. */
    public String outputExtension() {
        return outputExtension;
    }

    public String outputContentType() {
        return outputContentType;
    }

    public static DocumentFormat fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
