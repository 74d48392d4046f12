package dev.docannotator.document.docx;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Splits a run in two at a paragraph offset, at the XML level: the original element keeps the head, a new
 * run with a copy of its formatting ({@code w:rPr}) receives the tail right after it. POI's own paragraph and
 * run objects are never used afterwards, so their caches going stale does not matter; the caller re-walks
 * the paragraph instead.
 */
final class RunSplitter {

    /** Splits {@code run} before paragraph offset {@code offset} ({@code run.start() < offset < run.end()}); returns the tail run. */
    Element split(RunText run, int offset) {
        if (offset <= run.start() || offset >= run.end()) {
            throw new IllegalArgumentException("Cannot split a run [" + run.start() + ", " + run.end() + ") at " + offset);
        }
        TextPiece piece = run.pieceAt(offset);
        Node firstMoved = offset == piece.start() ? piece.node() : splitText(piece, offset - piece.start());

        Element head = run.run();
        Element tail = (Element) head.cloneNode(false);
        Element properties = WordXml.firstChild(head, "rPr");
        if (properties != null) {
            tail.appendChild(properties.cloneNode(true));
        }
        WordXml.insertAfter(tail, head);
        Node node = firstMoved;
        while (node != null) {
            Node next = node.getNextSibling();
            tail.appendChild(node);
            node = next;
        }
        return tail;
    }

    /** Cuts a {@code w:t} at {@code cut} characters; returns the new {@code w:t} holding the rest. */
    private static Node splitText(TextPiece piece, int cut) {
        if (!piece.splittable()) {
            throw new IllegalStateException("Only w:t elements hold more than one character");
        }
        Element text = piece.node();
        String value = WordXml.text(text);
        Element rest = (Element) text.cloneNode(false);
        WordXml.setText(text, value.substring(0, cut));
        WordXml.setText(rest, value.substring(cut));
        WordXml.preserveSpace(text);
        WordXml.preserveSpace(rest);
        WordXml.insertAfter(rest, text);
        return rest;
    }
}
