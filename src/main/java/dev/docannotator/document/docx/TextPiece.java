package dev.docannotator.document.docx;

import org.w3c.dom.Element;

/**
 * One child of a run that contributes characters: a {@code w:t} (any length) or a single-character element
 * such as {@code w:tab} or {@code w:br}. {@code start} is the offset of its first character in the paragraph text.
 */
record TextPiece(Element node, int start, int length, boolean splittable) {
    int end() {
        return start + length;
    }
}
