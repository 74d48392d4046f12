package dev.docannotator.document.docx;

import dev.docannotator.document.ReviewTexts;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.TextBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A private copy of a Word document receiving review comments. Each annotation becomes a comment whose range
 * ({@code commentRangeStart} … {@code commentRangeEnd}) hugs exactly its span of the extracted text; runs are
 * split at the span's ends when needed, and the split paragraph is re-walked so later spans still land right.
 * A span in a footnote or endnote gets its marks inside that note (Word anchors comments there too). A span that
 * runs from one story into another (the body's last paragraph into the first note) cannot be one Word range: its
 * comment ends with the story it starts in.
 */
final class DocxApplySession implements ApplySession {
    private final DocxOpener opener;
    private final Path copy;
    private final DocxTextWalker walker;
    private final RunSplitter splitter = new RunSplitter();
    private final List<ParagraphText> paragraphs = new ArrayList<>();
    /** The story (0 body, n the n-th note) of each paragraph: a comment's marks must stay in one. */
    private final List<Integer> storyOf = new ArrayList<>();
    private final List<TextBlock> blocks;
    private final int textLength;
    private final CommentWriter comments;
    private XWPFDocument document;

    /** Rebuilds the text model and checks it is {@code expected}; throws IllegalStateException otherwise. */
    DocxApplySession(DocxOpener opener, Path copy, XWPFDocument document, DocxTextWalker walker,
                     ExtractedText expected, Clock clock, ReviewTexts texts) {
        this.opener = opener;
        this.copy = copy;
        this.document = document;
        this.walker = walker;
        WordStories stories = WordStories.of(document, walker);
        TextBuilder builder = new TextBuilder();
        for (int i = 0; i < stories.unitCount(); i++) {
            int story = stories.story(i);
            stories.appendUnit(i, builder, paragraph -> {
                paragraphs.add(paragraph);
                storyOf.add(story);
            });
        }
        ExtractedText rebuilt = builder.build();
        if (!analysedAs(rebuilt, expected)) {
            throw new IllegalStateException("The Word document's text is not the text it was analysed with; "
                    + "the annotations cannot be placed.");
        }
        this.blocks = rebuilt.blocks();
        this.textLength = expected.text().length();
        this.comments = new CommentWriter(document, clock, texts);
    }

    @Override
    public void apply(List<Annotation> batch) {
        if (document == null) {
            throw new IllegalStateException("The apply session is closed");
        }
        for (Annotation annotation : batch) {
            anchor(annotation);
        }
    }

    @Override
    public void save(Path out) {
        if (document == null) {
            throw new IllegalStateException("The apply session is closed");
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            document.write(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the annotated Word document to " + out, e);
        }
    }

    @Override
    public void close() {
        opener.discard(document);
        document = null;
        try {
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the original was never touched
        }
    }

    private void anchor(Annotation annotation) {
        int start = annotation.start();
        int end = annotation.end();
        if (start < 0 || end < start || end > textLength) {
            throw new IllegalArgumentException("Annotation " + annotation.id() + " [" + start + ", " + end
                    + ") lies outside the document text of length " + textLength);
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("The document has no paragraph to anchor a comment to");
        }
        Location from = startLocation(start);
        Location to = start == end ? from : sameStory(from, endLocation(end));

        // Split first (both ends), then take insertion points: splitting never moves the head of a run.
        Element startRun = runStartingAt(from);
        Element endRun = start == end ? null : runEndingAt(to);
        Insertion startPoint = startRun != null ? Insertion.before(startRun) : paragraphEnd(from.block());
        Insertion endPoint;
        if (start == end) {
            endPoint = null;
        } else if (endRun != null) {
            endPoint = Insertion.after(endRun);
        } else {
            endPoint = paragraphStart(to.block());
        }

        BigInteger id = comments.add(annotation);
        Document dom = startPoint.parent().getOwnerDocument();
        Element rangeStart = mark(dom, "commentRangeStart", id);
        Element rangeEnd = mark(dom, "commentRangeEnd", id);
        Element reference = referenceRun(dom, id);
        startPoint.insert(rangeStart);
        if (endPoint == null) {
            WordXml.insertAfter(rangeEnd, rangeStart);
        } else {
            endPoint.insert(rangeEnd);
        }
        WordXml.insertAfter(reference, rangeEnd);
    }

    /** The run beginning exactly at {@code at} (splitting one if needed), or null when {@code at} is the paragraph's end. */
    private Element runStartingAt(Location at) {
        ParagraphText paragraph = paragraphs.get(at.block());
        if (at.offset() >= paragraph.length()) {
            return null;
        }
        RunText run = paragraph.runAt(at.offset());
        if (run.start() == at.offset()) {
            return run.run();
        }
        Element tail = splitter.split(run, at.offset());
        refresh(at.block());
        return tail;
    }

    /** The run ending exactly at {@code at} (splitting one if needed), or null when {@code at} is the paragraph's start. */
    private Element runEndingAt(Location at) {
        if (at.offset() <= 0) {
            return null;
        }
        ParagraphText paragraph = paragraphs.get(at.block());
        RunText run = paragraph.runAt(at.offset() - 1);
        if (run.end() != at.offset()) {
            splitter.split(run, at.offset());
            refresh(at.block());
        }
        return run.run();
    }

    private Insertion paragraphEnd(int block) {
        ParagraphText paragraph = paragraphs.get(block);
        return paragraph.runs().isEmpty()
                ? Insertion.append(paragraph.paragraph())
                : Insertion.after(paragraph.lastRun().run());
    }

    private Insertion paragraphStart(int block) {
        ParagraphText paragraph = paragraphs.get(block);
        return paragraph.runs().isEmpty()
                ? Insertion.append(paragraph.paragraph())
                : Insertion.before(paragraph.firstRun().run());
    }

    /** Re-walks a paragraph after a split; its text must not have changed. */
    private void refresh(int block) {
        ParagraphText before = paragraphs.get(block);
        ParagraphText after = walker.paragraph(before.paragraph());
        if (!after.text().equals(before.text())) {
            throw new IllegalStateException("Splitting a run changed the text of paragraph " + (block + 1));
        }
        paragraphs.set(block, after);
    }

    /** {@code to}, or the end of the last paragraph of {@code from}'s story when {@code to} lies in a later story. */
    private Location sameStory(Location from, Location to) {
        int story = storyOf.get(from.block());
        if (storyOf.get(to.block()) == story) {
            return to;
        }
        int last = from.block();
        while (last + 1 < to.block() && storyOf.get(last + 1) == story) {
            last++;
        }
        return new Location(last, paragraphs.get(last).length());
    }

    /** Where a span starting at global offset {@code offset} begins: the block holding that character. */
    private Location startLocation(int offset) {
        int index = firstBlockEndingAfter(offset);
        if (index == blocks.size()) {
            TextBlock last = blocks.get(blocks.size() - 1);
            return new Location(blocks.size() - 1, last.length());
        }
        TextBlock block = blocks.get(index);
        return new Location(index, Math.max(0, offset - block.start()));
    }

    /** Where a span ending at global offset {@code offset} ends: the block holding the character before it. */
    private Location endLocation(int offset) {
        int index = firstBlockEndingAfter(offset - 1);
        if (index == blocks.size()) {
            index = blocks.size() - 1;
        }
        TextBlock block = blocks.get(index);
        if (offset - 1 < block.start() && index > 0) {
            // the character before the end is a separator: end at the previous block's end
            index--;
            block = blocks.get(index);
        }
        return new Location(index, Math.min(block.length(), Math.max(0, offset - block.start())));
    }

    private int firstBlockEndingAfter(int offset) {
        int lo = 0;
        int hi = blocks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blocks.get(mid).end() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static Element mark(Document dom, String name, BigInteger id) {
        Element mark = WordXml.create(dom, name);
        WordXml.setAttribute(mark, "id", id.toString());
        return mark;
    }

    private static Element referenceRun(Document dom, BigInteger id) {
        Element run = WordXml.create(dom, "r");
        run.appendChild(mark(dom, "commentReference", id));
        return run;
    }

    /**
     * Whether {@code expected}, the text the findings were made on, is the text model rebuilt here: the same, or (a
     * task checkpointed before footnotes and endnotes were read, resumed after the upgrade) the body alone, which
     * is unchanged: notes come after it as NOTE blocks, so its findings land where they did.
     */
    private static boolean analysedAs(ExtractedText rebuilt, ExtractedText expected) {
        if (rebuilt.text().equals(expected.text())) {
            return sameBounds(rebuilt.blocks(), expected.blocks());
        }
        List<TextBlock> body = expected.blocks();
        List<TextBlock> all = rebuilt.blocks();
        return !body.isEmpty() && body.size() < all.size() && rebuilt.text().startsWith(expected.text() + "\n")
                && sameBounds(all.subList(0, body.size()), body)
                && all.subList(body.size(), all.size()).stream().allMatch(b -> b.kind() == BlockKind.NOTE);
    }

    private static boolean sameBounds(List<TextBlock> a, List<TextBlock> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).start() != b.get(i).start() || a.get(i).end() != b.get(i).end()) {
                return false;
            }
        }
        return true;
    }

    /** A paragraph index and an offset inside its text. */
    private record Location(int block, int offset) {
    }

    /** Where to put a new node: before {@code before} in {@code parent}, or at its end when {@code before} is null. */
    private record Insertion(Node parent, Node before) {
        static Insertion before(Node node) {
            return new Insertion(node.getParentNode(), node);
        }

        static Insertion after(Node node) {
            return new Insertion(node.getParentNode(), node.getNextSibling());
        }

        static Insertion append(Node parent) {
            return new Insertion(parent, null);
        }

        void insert(Node node) {
            parent.insertBefore(node, before);
        }
    }
}
