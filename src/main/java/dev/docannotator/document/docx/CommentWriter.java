package dev.docannotator.document.docx;

import dev.docannotator.analysis.Annotation;
import java.math.BigInteger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Adds DocAnnotator's review comments to the comments part, keeping every comment already there.
 * POI does not make comment ids unique, so ids continue from the highest id found in the comments part
 * and in the body's comment marks.
 */
final class CommentWriter {
    static final String AUTHOR = "DocAnnotator";
    static final String INITIALS = "DA";

    private final XWPFDocument document;
    private final Clock clock;
    private XWPFComments comments;
    private BigInteger nextId;

    CommentWriter(XWPFDocument document, Element body, Clock clock) {
        this.document = document;
        this.clock = clock;
        this.comments = document.getDocComments();
        this.nextId = highestId(body).add(BigInteger.ONE);
    }

    /** Writes the comment for {@code annotation} and returns its id, for the marks in the body. */
    BigInteger add(Annotation annotation) {
        if (comments == null) {
            comments = document.createComments();
        }
        BigInteger id = nextId;
        nextId = nextId.add(BigInteger.ONE);
        XWPFComment comment = comments.createComment(id);
        comment.setAuthor(AUTHOR);
        comment.setInitials(INITIALS);
        comment.setDate(now());
        comment.createParagraph().createRun().setText(annotation.message() == null ? "" : annotation.message());
        if (annotation.suggestion() != null && !annotation.suggestion().isBlank()) {
            comment.createParagraph().createRun().setText("Suggestion: " + annotation.suggestion());
        }
        return id;
    }

    private Calendar now() {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(clock.instant().truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
        // Word writes whole seconds; an unset millisecond field keeps XMLBeans from adding ".000".
        calendar.clear(Calendar.MILLISECOND);
        return calendar;
    }

    private BigInteger highestId(Element body) {
        BigInteger highest = BigInteger.valueOf(-1);
        if (comments != null) {
            for (XWPFComment comment : comments.getComments()) {
                highest = highest.max(parse(comment.getId()));
            }
        }
        // Iterative walk: comment marks may sit at any depth, and deep XML must not cost stack.
        Node node = body;
        while (node != null) {
            String name = WordXml.wordName(node);
            if ("commentRangeStart".equals(name) || "commentRangeEnd".equals(name) || "commentReference".equals(name)) {
                highest = highest.max(parse(WordXml.attribute((Element) node, "id")));
            }
            node = nextInDocumentOrder(node, body);
        }
        return highest;
    }

    private static Node nextInDocumentOrder(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        while (node != null && node != root) {
            if (node.getNextSibling() != null) {
                return node.getNextSibling();
            }
            node = node.getParentNode();
        }
        return null;
    }

    private static BigInteger parse(String id) {
        try {
            return id == null || id.isBlank() ? BigInteger.valueOf(-1) : new BigInteger(id.trim());
        } catch (NumberFormatException e) {
            return BigInteger.valueOf(-1);
        }
    }
}
