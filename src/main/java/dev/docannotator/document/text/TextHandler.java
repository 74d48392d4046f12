package dev.docannotator.document.text;

import dev.docannotator.document.RejectionText;
import dev.docannotator.common.Language;
import dev.docannotator.document.ReviewTexts;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.DocumentRejectedException;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plain text and Markdown: UTF-8 with or without a BOM, any line ending. The file's text (BOM dropped, CRLF/CR
 * turned into LF) is laid out as paragraphs, headings, list items, table cells and code lines ({@link TextLayout});
 * the extracted text joins a paragraph's lines with one space, so offsets index that text, and a {@link SourceMap}
 * takes them back to the file's own lines. Annotating produces a self-contained HTML review page of the file as
 * written, each span highlighted on exactly the source characters of its quote.
 */
public final class TextHandler implements DocumentHandler {
    private final DocumentFormat format;
    private final DocumentLimits limits;

    private TextHandler(DocumentFormat format, DocumentLimits limits) {
        this.format = format;
        this.limits = limits;
    }

    public static TextHandler plainText(DocumentLimits limits) {
        return new TextHandler(DocumentFormat.TXT, limits);
    }

    public static TextHandler markdown(DocumentLimits limits) {
        return new TextHandler(DocumentFormat.MD, limits);
    }

    @Override
    public DocumentFormat format() {
        return format;
    }

    @Override
    public ReadSession openForRead(Path file) {
        return new TextReadSession(layout(file).blocks());
    }

    private TextLayout.Laid layout(Path file) {
        return TextLayout.layout(TextLines.join(TextLines.split(load(file))), format == DocumentFormat.MD);
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        return openForApply(file, text, Language.ENGLISH);
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text, Language language) {
        TextLayout.Laid laid = layout(file);
        if (!laid.text().equals(text.text())) {
            throw new IllegalStateException("The document changed since it was read");
        }
        return new HtmlReviewSession(titleOf(laid.source()), text, laid.source(), laid.map(), ReviewTexts.of(language));
    }

    /** The page title: the document's first non-blank line (a Markdown heading without its #), cut to 80 characters. */
    static String titleOf(String text) {
        for (String line : text.split("\n", 50)) {
            String title = line.replaceFirst("^\\s*#{1,6}\\s*", "").strip();
            if (!title.isEmpty()) {
                return title.length() > 80 ? title.substring(0, 79) + "…" : title;
            }
        }
        return "Untitled document";
    }

    @Override
    public void validate(Path file) {
        load(file);
    }

    private String load(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxUploadBytes()) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE,
                        RejectionText.of("too_large", size, limits.maxUploadBytes()));
            }
            return TextLines.decodeUtf8(Files.readAllBytes(file));
        } catch (IOException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("text.unreadable"), e);
        }
    }
}
