package dev.docannotator.document.docx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reopens an annotated document with POI and reports its comments and the text each one is anchored to,
 * found independently of the handler: the w:t and w:tab text between a comment's range start and end, in the body,
 * a footnote or an endnote ({@code part} says which: "body", "footnotes", "endnotes").
 */
final class CommentInspector {
    /** One comment as Word would show it. */
    record Found(String id, String author, String initials, java.time.Instant date, String text, String anchoredText,
                 String part) {
    }

    private CommentInspector() {
    }

    static List<Found> comments(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            Map<String, String> anchored = new HashMap<>();
            Map<String, String> parts = new HashMap<>();
            for (Map.Entry<String, List<Element>> part : parts(document).entrySet()) {
                for (Element root : part.getValue()) {
                    anchoredTexts(root).forEach((id, text) -> {
                        anchored.put(id, text);
                        parts.put(id, part.getKey());
                    });
                }
            }
            List<Found> found = new ArrayList<>();
            XWPFComment[] comments = document.getComments();
            for (XWPFComment comment : comments == null ? new XWPFComment[0] : comments) {
                found.add(new Found(comment.getId(), comment.getAuthor(), comment.getInitials(),
                        comment.getDate() == null ? null : comment.getDate().toInstant(), comment.getText(),
                        anchored.get(comment.getId()), parts.get(comment.getId())));
            }
            return found;
        }
    }

    static List<Found> byAuthor(Path file, String author) throws IOException {
        return comments(file).stream().filter(c -> author.equals(c.author())).toList();
    }

    /** Count of comment reference runs in the body and the notes, per comment id. */
    static Map<String, Integer> references(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            Map<String, Integer> counts = new HashMap<>();
            for (List<Element> roots : parts(document).values()) {
                for (Element root : roots) {
                    visit(root, node -> {
                        if (WordXml.is(node, "commentReference")) {
                            counts.merge(((Element) node).getAttributeNS(WordXml.W, "id"), 1, Integer::sum);
                        }
                    });
                }
            }
            return counts;
        }
    }

    /** The body, every footnote and every endnote, by part. */
    private static Map<String, List<Element>> parts(XWPFDocument document) {
        Map<String, List<Element>> parts = new LinkedHashMap<>();
        parts.put("body", List.of((Element) document.getDocument().getBody().getDomNode()));
        parts.put("footnotes", document.getFootnotes().stream().map(n -> (Element) n.getCTFtnEdn().getDomNode()).toList());
        parts.put("endnotes", document.getEndnotes().stream().map(n -> (Element) n.getCTFtnEdn().getDomNode()).toList());
        return parts;
    }

    private static Map<String, String> anchoredTexts(Element body) {
        Map<String, StringBuilder> open = new LinkedHashMap<>();
        Map<String, String> done = new HashMap<>();
        visit(body, node -> {
            if (WordXml.is(node, "commentRangeStart")) {
                open.put(((Element) node).getAttributeNS(WordXml.W, "id"), new StringBuilder());
            } else if (WordXml.is(node, "commentRangeEnd")) {
                String id = ((Element) node).getAttributeNS(WordXml.W, "id");
                StringBuilder text = open.remove(id);
                if (text != null) {
                    done.put(id, text.toString());
                }
            } else if (WordXml.is(node, "t")) {
                open.values().forEach(text -> text.append(WordXml.text((Element) node)));
            } else if (WordXml.is(node, "tab")) {
                open.values().forEach(text -> text.append('\t'));
            } else if (WordXml.is(node, "p")) {
                open.values().forEach(text -> {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                });
            }
        });
        return done;
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            visit(child, action);
        }
    }
}
