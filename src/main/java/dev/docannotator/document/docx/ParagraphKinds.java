package dev.docannotator.document.docx;

import dev.docannotator.document.BlockKind;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@link BlockKind} of a Word paragraph, from what Word itself records: a table cell by its place, a heading by
 * its outline level or heading/title style, a list item by its numbering or list style, code by a code-like style
 * name ("HTML Preformatted", "Code", "Source Code" …) or by every run being set in a monospaced font; the lines a
 * table-of-contents or index field generates as furniture, and the entries of Word's bibliography as references.
 */
final class ParagraphKinds {
    private static final Set<String> MONOSPACED = Set.of("courier new", "courier", "consolas", "menlo", "monaco",
            "lucida console", "source code pro", "dejavu sans mono", "liberation mono", "cascadia code",
            "cascadia mono", "fira code", "fira mono", "roboto mono", "jetbrains mono", "noto sans mono", "sf mono");

    /**
     * The built-in styles of what a field generates from the rest of the document: a table of contents ("toc 1"), of
     * figures or of authorities, an index ("index 1"). Their lines repeat headings, captions and index entries with
     * page numbers ({@code Heading1⇥3}, {@code citation⇥4}): not the author's text of this place, like page furniture.
     * A style without a name in the styles part is known by its id ("TOC1", "TableofFigures").
     */
    private static final Pattern GENERATED = Pattern.compile(
            "toc ?\\d|table ?of ?figures|table ?of ?authorities|index ?\\d");

    /** Their headings ("TOC Heading"); a style without a name is known by its id ("TOCHeading", "TOC1"). */
    private static final Pattern HEADING_OF_GENERATED = Pattern.compile("(?:toc|toa|index) ?heading");

    private final XWPFStyles styles;
    /** Lower-case style name (or id when it has none) by style id. */
    private final Map<String, String> names = new HashMap<>();

    private ParagraphKinds(XWPFStyles styles) {
        this.styles = styles;
    }

    static ParagraphKinds of(XWPFDocument document) {
        return new ParagraphKinds(document == null ? null : document.getStyles());
    }

    BlockKind kindOf(Element paragraph) {
        if (inTableCell(paragraph)) {
            return BlockKind.TABLE_CELL;
        }
        Element properties = WordXml.firstChild(paragraph, "pPr");
        String style = "";
        if (properties != null) {
            Element styleRef = WordXml.firstChild(properties, "pStyle");
            style = styleRef == null ? "" : styleName(WordXml.attribute(styleRef, "val"));
            Element outline = WordXml.firstChild(properties, "outlineLvl");
            if (outline != null && !WordXml.attribute(outline, "val").equals("9")) {
                return BlockKind.HEADING;
            }
        }
        if (style.startsWith("heading") || style.equals("title") || style.equals("subtitle")
                || HEADING_OF_GENERATED.matcher(style).matches()) {
            return BlockKind.HEADING;
        }
        if (GENERATED.matcher(style).matches()) {
            return BlockKind.FURNITURE;
        }
        if (style.equals("bibliography")) {
            return BlockKind.REFERENCE;
        }
        if (style.contains("code") || style.contains("preformatted") || style.contains("source")
                || style.equals("macro text") || monospaced(paragraph)) {
            return BlockKind.CODE;
        }
        if ((properties != null && WordXml.firstChild(properties, "numPr") != null) || style.startsWith("list")) {
            return BlockKind.LIST_ITEM;
        }
        return BlockKind.PROSE;
    }

    private String styleName(String id) {
        return names.computeIfAbsent(id, key -> {
            XWPFStyle style = styles == null ? null : styles.getStyle(key);
            String name = style == null || style.getName() == null ? key : style.getName();
            return name.toLowerCase(Locale.ROOT);
        });
    }

    private static boolean inTableCell(Element paragraph) {
        for (Node n = paragraph.getParentNode(); n != null; n = n.getParentNode()) {
            String name = WordXml.wordName(n);
            if ("tc".equals(name)) {
                return true;
            }
            if ("body".equals(name)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the paragraph has runs with text and every one of them names a monospaced font. */
    private static boolean monospaced(Element paragraph) {
        boolean any = false;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!"r".equals(WordXml.wordName(child)) || WordXml.firstChild((Element) child, "t") == null) {
                continue;
            }
            any = true;
            Element runProperties = WordXml.firstChild((Element) child, "rPr");
            Element fonts = runProperties == null ? null : WordXml.firstChild(runProperties, "rFonts");
            String font = fonts == null ? "" : WordXml.attribute(fonts, "ascii").toLowerCase(Locale.ROOT);
            if (!MONOSPACED.contains(font)) {
                return false;
            }
        }
        return any;
    }
}
