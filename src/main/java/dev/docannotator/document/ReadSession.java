package dev.docannotator.document;

/**
 * A document opened for reading, read one bounded unit at a time (a PDF page, a DOCX body element,
 * a chunk of text lines) so that the caller can stop or checkpoint between two units.
 */
public interface ReadSession extends AutoCloseable {

    /** How many units {@link #readUnit} accepts: indexes 0 .. unitCount()-1. */
    int unitCount();

    /**
     * Appends the blocks of unit {@code index} to {@code out}. Units may be read starting at any index
     * (resume), but always in ascending order.
     */
    void readUnit(int index, TextBuilder out);

    /**
     * What the document holds that this reader does not read (Word headers, text boxes …), each kind only when there
     * are words in it; known once the session is open. Empty when everything is read.
     */
    default java.util.Set<UnreadContent> unread() {
        return java.util.Set.of();
    }

    /** Releases files and memory; safe to call twice. */
    @Override
    void close();
}
