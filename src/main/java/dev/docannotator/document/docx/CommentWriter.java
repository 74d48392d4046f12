package dev.docannotator.document.docx;

import dev.docannotator.document.ReviewTexts;
import dev.docannotator.analysis.Annotation;
import java.math.BigInteger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Set;
import java.util.TimeZone;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Adds DocAnnotator's review comments to the comments part, keeping every comment already there.
 * POI does not make comment ids unique, so ids continue from the highest id found in the comments part
 * and on the comment marks of the body, the footnotes and the endnotes.
 */
final class CommentWriter {
    static final String AUTHOR = "DocAnnotator";
    static final String INITIALS = "DA";
    private static final Set<String> COMMENT_MARKS = Set.of("commentRangeStart", "commentRangeEnd", "commentReference");
    private static final Set<String> NO_MARKS_INSIDE = Set.of("t", "rPr", "pPr", "tblPr", "trPr", "tcPr", "tblGrid",
            "sectPr", "instrText", "delText", "fldChar", "sdtPr");
    private static final QName ID = new QName(WordXml.W, "id");

    private final XWPFDocument document;
    private final Clock clock;
    private final ReviewTexts texts;
    private XWPFComments comments;
    private BigInteger nextId;

    CommentWriter(XWPFDocument document, Clock clock, ReviewTexts texts) {
        this.document = document;
        this.clock = clock;
        this.texts = texts;
        this.comments = document.getDocComments();
        this.nextId = highestId().add(BigInteger.ONE);
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
            comment.createParagraph().createRun().setText(texts.suggestion(annotation.suggestion()));
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

    private BigInteger highestId() {
        BigInteger highest = BigInteger.valueOf(-1);
        if (comments != null) {
            for (XWPFComment comment : comments.getComments()) {
                highest = highest.max(parse(comment.getId()));
            }
        }
        XmlObject body = document.getDocument().getBody();
        if (body != null) {
            highest = highest.max(highestMarkId(body));
        }
        for (var note : document.getFootnotes()) {
            highest = highest.max(highestMarkId(note.getCTFtnEdn()));
        }
        for (var note : document.getEndnotes()) {
            highest = highest.max(highestMarkId(note.getCTFtnEdn()));
        }
        return highest;
    }

    /**
     * The highest id on any comment mark under {@code body} (the body, or one note). Walks elements with a cursor (no recursion, so deep XML
     * costs no stack) and skips subtrees that never hold marks, such as formatting and text.
     */
    private static BigInteger highestMarkId(XmlObject body) {
        BigInteger highest = BigInteger.valueOf(-1);
        try (XmlCursor cursor = body.newCursor()) {
            if (!cursor.toFirstChild()) {
                return highest;
            }
            int depth = 1;
            while (depth > 0) {
                QName name = cursor.getName();
                boolean word = WordXml.W.equals(name.getNamespaceURI());
                if (word && COMMENT_MARKS.contains(name.getLocalPart())) {
                    highest = highest.max(parse(cursor.getAttributeText(ID)));
                }
                if (!(word && NO_MARKS_INSIDE.contains(name.getLocalPart())) && cursor.toFirstChild()) {
                    depth++;
                    continue;
                }
                while (depth > 0 && !cursor.toNextSibling()) {
                    cursor.toParent();
                    depth--;
                }
            }
        }
        return highest;
    }

    private static BigInteger parse(String id) {
        try {
            return id == null || id.isBlank() ? BigInteger.valueOf(-1) : new BigInteger(id.trim());
        } catch (NumberFormatException e) {
            return BigInteger.valueOf(-1);
        }
    }
}
