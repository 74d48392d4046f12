package dev.docannotator.testsupport;

import dev.docannotator.analysis.Analyser;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandler;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.text.TextHandler;
import dev.docannotator.pipeline.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The real pipeline over the real TXT, Markdown and DOCX handlers, with a {@link Gate} in front of every read unit,
 * analysis step and apply batch, and a deterministic analyser that flags each occurrence of one word
 * (default "todo", case-insensitive) per text block. Use it to hold a task in a chosen stage.
 */
public final class SteppedEngine {
    public final Gate read = new Gate();
    public final Gate analyse = new Gate();
    public final Gate apply = new Gate();
    private final String word;

    public SteppedEngine() {
        this("todo");
    }

    public SteppedEngine(String word) {
        this.word = word.toLowerCase(Locale.ROOT);
    }

    /** The engine to hand to {@code Application.builder(...).engine(...)}. */
    public Engine engine(DocumentLimits limits) {
        List<DocumentHandler> handlers = List.of(gated(TextHandler.plainText(limits)), gated(TextHandler.markdown(limits)),
                gated(new DocxHandler(limits)));
        return new Engine(new DocumentHandlers(handlers), wordAnalyser(), limits);
    }

    /** Opens every gate (so that no worker stays blocked when a test ends). */
    public void openAll() {
        read.open();
        analyse.open();
        apply.open();
    }

    /** A plain-text document of {@code lines} lines; every {@code every}-th line contains the word. */
    public String document(int lines, int every) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            sb.append("Line ").append(i).append(i % every == 0 ? " still has a " + word.toUpperCase(Locale.ROOT)
                    + " to resolve." : " reads fine.").append('\n');
        }
        return sb.toString();
    }

    private DocumentHandler gated(DocumentHandler real) {
        return new DocumentHandler() {
            @Override
            public DocumentFormat format() {
                return real.format();
            }

            @Override
            public ReadSession openForRead(Path file) {
                ReadSession session = real.openForRead(file);
                return new ReadSession() {
                    @Override
                    public int unitCount() {
                        return session.unitCount();
                    }

                    @Override
                    public void readUnit(int index, TextBuilder out) {
                        read.pass();
                        session.readUnit(index, out);
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }

            @Override
            public ApplySession openForApply(Path file, ExtractedText text) {
                ApplySession session = real.openForApply(file, text);
                return new ApplySession() {
                    @Override
                    public void apply(List<Annotation> batch) {
                        apply.pass();
                        session.apply(batch);
                    }

                    @Override
                    public void save(Path out) {
                        session.save(out);
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }

            @Override
            public void validate(Path file) {
                real.validate(file);
            }
        };
    }

    /** Flags every occurrence of the word, one text block per step; each step passes the analyse gate first. */
    private Analyser wordAnalyser() {
        return new BlockAnalyser(Set.of(Check.TODO_MARKERS), List.of(), (text, block, index) -> {
            analyse.pass();
            return BlockAnalyser.occurrences(text, block, word, (start, end) -> new Annotation(null, start, end,
                    text.text().substring(start, end), null, null, "todo_markers", "warning", "Unresolved marker.",
                    "Resolve it.", "todo/" + word));
        });
    }
}
