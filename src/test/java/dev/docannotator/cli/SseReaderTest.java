package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    @Test
    void readsEventsSkippingRetryLinesAndHeartbeats() throws Exception {
        String wire = "retry: 2000\n\n: hb\n\nid: 1\nevent: task\ndata: {\"type\":\"task\"}\n\n"
                + ": hb\nid: 2\nevent: progress\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n"
                + "id: 3\nevent: result\ndata: {}\n";
        try (SseReader reader = new SseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.next()).isEqualTo(new SseEvent("1", "task", "{\"type\":\"task\"}"));
            assertThat(reader.next()).isEqualTo(new SseEvent("2", "progress", "{\"a\":1}\n{\"b\":2}"));
            assertThat(reader.next()).as("an event cut off before its blank line is not dispatched").isNull();
        }
    }
}
