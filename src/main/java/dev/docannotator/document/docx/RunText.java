package dev.docannotator.document.docx;

import java.util.List;
import org.w3c.dom.Element;

/** The characters one {@code w:r} contributes to its paragraph: paragraph offsets {@code [start, end)}. */
record RunText(Element run, int start, int end, List<TextPiece> pieces) {
    RunText {
        pieces = List.copyOf(pieces);
    }

    /** The piece holding the character at paragraph offset {@code offset}. */
    TextPiece pieceAt(int offset) {
        for (TextPiece piece : pieces) {
            if (offset >= piece.start() && offset < piece.end()) {
                return piece;
            }
        }
        throw new IllegalArgumentException("Offset " + offset + " is outside the run [" + start + ", " + end + ")");
    }
}
