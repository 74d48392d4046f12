package dev.docannotator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The page's own event-stream parser (web-frontend/sse.js), run in the browser on awkwardly split input. */
@ExtendWith(BrowserExtension.class)
class SseParserTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    @SuppressWarnings("unchecked")
    void parsesFieldsCommentsRetryAndEveryLineEndWhereverTheChunksSplit(WebDriver driver) {
        driver.get(server.baseUrl() + "/");
        Map<String, Object> outcome = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/sse.js').then(({ SseParser }) => {
                  const stream = 'retry: 2000\\n\\n: hb\\n\\nid: 1\\nevent: task\\ndata: {"type":"task"}\\n\\n'
                    + 'id: 2\\r\\nevent: progress\\r\\ndata: {"a":\\r\\ndata: 1}\\r\\n\\r\\n'
                    + 'id: 3\\revent: x\\rdata:nospace\\r\\r'
                    + 'data: no id keeps the last id\\nunknown: ignored\\n\\n'
                    + 'id: 9\\ndata: partial, never dispatched';
                  const failures = [];
                  let first = null;
                  for (let split = 1; split <= stream.length; split++) {
                    const events = [], retries = [], comments = [];
                    const parser = new SseParser({
                      onEvent: (e) => events.push(e), onRetry: (ms) => retries.push(ms), onComment: (c) => comments.push(c),
                    });
                    for (let i = 0; i < stream.length; i += split) parser.push(stream.slice(i, i + split));
                    const result = JSON.stringify({ events, retries, comments });
                    if (first === null) first = result;
                    else if (result !== first) failures.push(split);
                  }
                  done({ first: JSON.parse(first), failures });
                }).catch((e) => done({ error: String(e) }));
                """);

        assertThat(outcome.get("error")).isNull();
        assertThat((List<?>) outcome.get("failures")).as("chunk sizes that changed the result").isEmpty();
        Map<String, Object> first = (Map<String, Object>) outcome.get("first");
        assertThat((List<Object>) first.get("events")).containsExactly(
                Map.of("id", "1", "event", "task", "data", "{\"type\":\"task\"}"),
                Map.of("id", "2", "event", "progress", "data", "{\"a\":\n1}"),
                Map.of("id", "3", "event", "x", "data", "nospace"),
                Map.of("id", "3", "event", "message", "data", "no id keeps the last id"));
        assertThat((List<Object>) first.get("retries")).containsExactly(2000L);
        assertThat((List<Object>) first.get("comments")).containsExactly("hb");
    }
}
