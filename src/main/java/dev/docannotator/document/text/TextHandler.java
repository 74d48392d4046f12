package dev.docannotator.document.text;

import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.nio.file.Path;

/** PLACEHOLDER until the text handler lands. */
public final class TextHandler implements DocumentHandler {
    private final DocumentFormat format;

    private TextHandler(DocumentFormat format) {
        this.format = format;
    }

    public static TextHandler plainText(DocumentLimits limits) {
        return new TextHandler(DocumentFormat.TXT);
    }

    public static TextHandler markdown(DocumentLimits limits) {
        return new TextHandler(DocumentFormat.MD);
    }

    @Override
    public DocumentFormat format() {
        return format;
    }

    @Override
    public ReadSession openForRead(Path file) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        throw new UnsupportedOperationException();
    }
}
