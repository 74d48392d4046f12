package dev.docannotator.document.docx;

import dev.docannotator.document.RejectionText;

import dev.docannotator.common.Language;
import dev.docannotator.document.ReviewTexts;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.docannotator.document.DocumentRejectedException;
import org.w3c.dom.Element;
import java.time.Clock;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Reads Word (DOCX) documents and writes annotations back as Word review comments. */
public final class DocxHandler implements DocumentHandler {
    private final DocxOpener opener;
    private final DocxTextWalker walker = new DocxTextWalker();
    private final Clock clock;

    public DocxHandler(DocumentLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** {@code clock} dates the comments. */
    DocxHandler(DocumentLimits limits, Clock clock) {
        this.opener = new DocxOpener(limits);
        this.clock = clock;
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.DOCX;
    }

    @Override
    public ReadSession openForRead(Path file) {
        XWPFDocument document = opener.openReadOnly(file);
        try {
            Element body = WordStories.bodyElement(document);
            WordBodyScan scan = WordBodyScan.of(body);
            List<Element> notes = WordNotes.shown(document, scan);
            WordStories stories = new WordStories(body, notes, walker, ParagraphKinds.of(document));
            if (scan.importsContent() && !stories.hasText()) {
                throw DocumentRejectedException.unprocessable(RejectionText.of("docx.alt_chunk_only"));
            }
            return new DocxReadSession(opener, document, stories, new UnreadScan(walker).of(document, scan, notes));
        } catch (RuntimeException e) {
            opener.discard(document);
            throw e;
        }
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text) {
        return openForApply(file, text, Language.ENGLISH);
    }

    @Override
    public ApplySession openForApply(Path file, ExtractedText text, Language language) {
        Path copy = opener.copyOf(file);
        XWPFDocument document = null;
        try {
            document = opener.openCopy(copy);
            return new DocxApplySession(opener, copy, document, walker, text, clock, ReviewTexts.of(language));
        } catch (RuntimeException e) {
            opener.discard(document);
            deleteQuietly(copy);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a temporary copy
        }
    }
}
