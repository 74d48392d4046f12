package dev.docannotator.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {
    static ExtractedText paragraphs(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        List<TextBlock> blocks = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            int start = text.length();
            text.append(paragraphs.get(i));
            blocks.add(new TextBlock(start, text.length(), null, i + 1));
            text.append('\n');
        }
        return new ExtractedText(text.toString(), blocks);
    }

    @Test
    void windowsHoldWholeBlocksWithinTheLimitAndCoverEverything() {
        List<String> paras = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            paras.add(("Paragraph " + i + " ").repeat(5 + i % 7));
        }
        ExtractedText text = paragraphs(paras);
        List<Window> windows = Windows.layout(text, 400);
        assertThat(windows.size()).isGreaterThan(3);
        int covered = 0;
        for (Window w : windows) {
            assertThat(w.end() - w.ownStart()).isLessThanOrEqualTo(400);
            assertThat(text.blocks()).anyMatch(b -> b.start() == w.start());
            assertThat(text.blocks()).anyMatch(b -> b.end() == w.end());
            assertThat(w.ownStart()).isGreaterThanOrEqualTo(covered);
            covered = w.end();
        }
        assertThat(covered).isEqualTo(text.blocks().get(text.blocks().size() - 1).end());
        assertThat(windows).anyMatch(w -> w.start() < w.ownStart()); // short previous blocks overlap
    }

    @Test
    void aBlockLongerThanTheLimitIsAWindowOfItsOwn() {
        ExtractedText text = paragraphs(List.of("short", "x".repeat(1000), "tail"));
        List<Window> windows = Windows.layout(text, 300);
        assertThat(windows).anyMatch(w -> w.ownStart() == text.blocks().get(1).start()
                && w.end() == text.blocks().get(1).end());
    }
}
