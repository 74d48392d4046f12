package dev.docannotator.document;

/**
 * Content a document holds that its reader does not read, so no check sees it. A reader reports a kind only when the
 * document really has some of it with words in it (a footer holding just a page number does not count), so that the
 * result can tell a person which part of the file was not checked.
 */
public enum UnreadContent {
    /** Running headers and footers of a Word document. */
    HEADERS_AND_FOOTERS,
    /** Text inside text boxes and shapes (Word drawings and VML text boxes). */
    TEXT_BOXES,
    /** Content a Word document imports ({@code altChunk}: HTML, RTF or another document) that Word converts only when it opens the file. */
    IMPORTED_CONTENT;

    /** The key of this kind's note in the {@code pipeline} message bundle. */
    public String noteKey() {
        return "unread." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
