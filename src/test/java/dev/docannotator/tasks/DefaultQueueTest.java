package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.Settings;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SseEvent;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default queue takes a small team starting reviews at once on a 2-core server. */
class DefaultQueueTest {
    private final SteppedEngine stepped = new SteppedEngine();
    private final TestServer server = TestServer.start(
            s -> s.withAdmission(2, Settings.defaults().queueCapacity(), 3),
            b -> b.engine(stepped.engine(DocumentLimits.defaults())));

    @AfterEach
    void stop() {
        stepped.openAll();
        server.close();
    }

    @Test
    void fortyPeopleStartingAReviewAtOnceOnTwoWorkersAreAllQueuedNotRefused() throws Exception {
        assertThat(Settings.defaults().queueCapacity()).isGreaterThanOrEqualTo(256);
        stepped.read.close(); // the two running tasks hold their workers: everyone else waits in line
        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String user = TestServer.newUser();
                String doc = server.upload(user, "doc.txt", "A TODO here.\n").get("document_id").asText();
                streams.add(server.stream(user, Map.of("document_id", doc, "message", "find TODO")));
            }
            int queued = 0;
            for (EventStream stream : streams) {
                assertThat(stream.status()).isEqualTo(200);
                SseEvent first = stream.next();
                assertThat(first.type()).isEqualTo("task");
                if (first.data().get("status").asText().equals("queued")) {
                    queued++;
                }
            }
            assertThat(queued).isEqualTo(38);
        } finally {
            streams.forEach(EventStream::close);
        }
    }
}
