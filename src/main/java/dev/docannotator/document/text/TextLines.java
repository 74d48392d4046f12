package dev.docannotator.document.text;

import dev.docannotator.document.RejectionText;
import dev.docannotator.document.DocumentRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decoding and line splitting shared by the text reader and the HTML writer, so both see the same text. */
final class TextLines {
    private TextLines() {
    }

    /** Strict UTF-8 decoding without the BOM; invalid bytes are refused, never replaced. */
    static String decodeUtf8(byte[] bytes) {
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DocumentRejectedException.unprocessable(RejectionText.of("text.not_utf8"), e);
        }
    }

    /** Lines without their terminators; "\r\n", "\r" and "\n" all end a line. */
    static List<String> split(String content) {
        List<String> lines = new ArrayList<>();
        int lineStart = 0;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(content.substring(lineStart, i));
                i += c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n' ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        if (lineStart < content.length()) {
            lines.add(content.substring(lineStart));
        }
        return lines;
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
