package dev.docannotator.pipeline;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import dev.docannotator.document.text.TextHandler;
import java.util.List;

/** Builds the production engine: every format handler and the embedded analyser. */
public final class Engines {
    private Engines() {
    }

    public static Engine createDefault(DocumentLimits limits) {
        DocumentHandlers handlers = new DocumentHandlers(List.of(
                new DocxHandler(limits),
                new PdfHandler(limits),
                TextHandler.plainText(limits),
                TextHandler.markdown(limits)));
        return new Engine(handlers, new DefaultAnalyser(), limits);
    }
}
