package dev.docannotator.document;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The handler for each {@link DocumentFormat}. */
public final class DocumentHandlers {
    private final Map<DocumentFormat, DocumentHandler> byFormat = new EnumMap<>(DocumentFormat.class);

    public DocumentHandlers(List<DocumentHandler> handlers) {
        for (DocumentHandler handler : handlers) {
            byFormat.put(handler.format(), handler);
        }
    }

    public DocumentHandler forFormat(DocumentFormat format) {
        DocumentHandler handler = byFormat.get(format);
        if (handler == null) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_FORMAT,
                    RejectionText.of("format.unsupported", format.id()));
        }
        return handler;
    }
}
