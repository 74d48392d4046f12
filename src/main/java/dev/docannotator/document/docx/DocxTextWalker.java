package dev.docannotator.document.docx;

import dev.docannotator.document.RejectionText;
import dev.docannotator.document.DocumentRejectedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one place that decides what text a Word body has. The reader and the applier both use it, so an offset
 * in the extracted text means the same character in both. Stateless.
 *
 * <p>Body paragraphs and table cells (nested tables and content controls too) are read in document order;
 * inside a paragraph the text of runs, hyperlinks, simple fields, the visible result of complex fields,
 * smart tags, content controls, tracked insertions and the base text of ruby (phonetic guides) is kept. Deleted text, hidden text ({@code w:vanish}),
 * field instructions, drawings, text boxes and note references are skipped. Tabs become {@code '\t'}; line, page and carriage-return breaks
 * become a space, so that no block holds the {@code '\n'} block separator. A footnote or endnote (a unit too) reads the
 * same way; the number mark it opens with is no text, and neither are the tabs and spaces Word puts after that mark.
 */
final class DocxTextWalker {
    /** Deeper nesting than this is no real document and would only risk the stack. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> UNITS = Set.of("p", "tbl", "sdt", "customXml");
    private static final Set<String> BLOCK_CONTAINERS = Set.of("tbl", "tr", "tc", "sdt", "sdtContent", "customXml",
            "footnote", "endnote");
    private static final Set<String> INLINE_CONTAINERS = Set.of(
            "hyperlink", "fldSimple", "smartTag", "customXml", "sdt", "sdtContent", "ins", "moveTo", "dir", "bdo");

    /** The top-level body elements that can hold text, in document order: one read unit each. */
    List<Element> units(Element body) {
        List<Element> units = new ArrayList<>();
        if (body == null) {
            return units;
        }
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            String name = WordXml.wordName(child);
            if (name != null && UNITS.contains(name)) {
                units.add((Element) child);
            }
        }
        return units;
    }

    /** The paragraphs of one unit in reading order: cells left to right, rows top to bottom, nested tables inline. */
    List<Element> paragraphs(Element unit) {
        List<Element> paragraphs = new ArrayList<>();
        collectParagraphs(unit, paragraphs, 0);
        return paragraphs;
    }

    private void collectParagraphs(Element element, List<Element> out, int depth) {
        checkDepth(depth);
        String name = WordXml.wordName(element);
        if ("p".equals(name)) {
            out.add(element);
            return;
        }
        if (name == null || !BLOCK_CONTAINERS.contains(name)) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                collectParagraphs((Element) child, out, depth + 1);
            }
        }
    }

    /** The text of one paragraph with the run and run child every character came from. */
    ParagraphText paragraph(Element paragraph) {
        ParagraphBuilder builder = new ParagraphBuilder();
        walkInline(paragraph, builder, 0);
        return new ParagraphText(paragraph, builder.text.toString(), builder.runs);
    }

    private void walkInline(Element parent, ParagraphBuilder builder, int depth) {
        checkDepth(depth);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            String name = WordXml.wordName(child);
            if (name == null) {
                continue;
            }
            if (name.equals("r")) {
                walkRun((Element) child, builder);
            } else if (name.equals("ruby")) {
                // phonetic guide (w:ruby): the base text is the text; the small reading above it (w:rt) is not
                Element base = WordXml.firstChild((Element) child, "rubyBase");
                if (base != null) {
                    walkInline(base, builder, depth + 1);
                }
            } else if (INLINE_CONTAINERS.contains(name)) {
                walkInline((Element) child, builder, depth + 1);
            }
            // everything else (pPr, del, moveFrom, bookmarks, comment ranges, proofing marks) carries no visible text
        }
    }

    private void walkRun(Element run, ParagraphBuilder builder) {
        boolean hidden = isHidden(run);
        int runStart = builder.text.length();
        List<TextPiece> pieces = new ArrayList<>();
        for (Node child = run.getFirstChild(); child != null; child = child.getNextSibling()) {
            String name = WordXml.wordName(child);
            if (name == null) {
                continue;
            }
            if (name.equals("fldChar")) {
                builder.fieldChar(WordXml.attribute((Element) child, "fldCharType"));
                continue;
            }
            if (name.equals("footnoteRef") || name.equals("endnoteRef")) {
                builder.afterNoteMark = true;
                continue;
            }
            if (hidden || builder.inFieldInstruction()) {
                continue;
            }
            switch (name) {
                case "t" -> builder.text((Element) child, pieces);
                case "tab", "ptab" -> builder.character((Element) child, '\t', pieces);
                case "br", "cr" -> builder.character((Element) child, ' ', pieces);
                case "noBreakHyphen" -> builder.character((Element) child, '-', pieces);
                default -> {
                    // instrText, delText, drawings, pictures, note and comment references: no visible text
                }
            }
        }
        if (!pieces.isEmpty()) {
            builder.runs.add(new RunText(run, runStart, builder.text.length(), pieces));
        }
    }

    /** Directly hidden text ({@code w:vanish}) is not shown or printed by Word, so it is no part of what is reviewed. */
    private static boolean isHidden(Element run) {
        Element properties = WordXml.firstChild(run, "rPr");
        Element vanish = properties == null ? null : WordXml.firstChild(properties, "vanish");
        if (vanish == null) {
            return false;
        }
        String value = WordXml.attribute(vanish, "val");
        return !(value.equals("0") || value.equals("false") || value.equals("off"));
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw DocumentRejectedException.unprocessable(
                    RejectionText.of("docx.nesting", MAX_DEPTH));
        }
    }

    /** Accumulates one paragraph; tracks complex fields so only their visible result counts as text. */
    private static final class ParagraphBuilder {
        private final StringBuilder text = new StringBuilder();
        private final List<RunText> runs = new ArrayList<>();
        /** One entry per open field: true while between its begin and separate marks (the instruction). */
        private final Deque<Boolean> fields = new ArrayDeque<>();
        /** Right after a note's number mark, before any text: the spacing Word puts there is layout, not text. */
        private boolean afterNoteMark;

        void fieldChar(String type) {
            switch (type) {
                case "begin" -> fields.push(Boolean.TRUE);
                case "separate" -> {
                    if (!fields.isEmpty()) {
                        fields.pop();
                        fields.push(Boolean.FALSE);
                    }
                }
                case "end" -> {
                    if (!fields.isEmpty()) {
                        fields.pop();
                    }
                }
                default -> {
                    // unknown field mark: ignore
                }
            }
        }

        boolean inFieldInstruction() {
            return fields.contains(Boolean.TRUE);
        }

        void text(Element t, List<TextPiece> pieces) {
            String value = WordXml.text(t);
            if (value == null || value.isEmpty() || (afterNoteMark && value.isBlank())) {
                return;
            }
            afterNoteMark = false;
            int start = text.length();
            // One character in, one character out: offsets inside the w:t stay valid for splitting.
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                text.append(c == '\n' || c == '\r' ? ' ' : c);
            }
            pieces.add(new TextPiece(t, start, value.length(), true));
        }

        void character(Element node, char c, List<TextPiece> pieces) {
            if (afterNoteMark && c == '\t') {
                return;
            }
            afterNoteMark = false;
            pieces.add(new TextPiece(node, text.length(), 1, false));
            text.append(c);
        }
    }
}
