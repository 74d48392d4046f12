package dev.docannotator.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsScannerTest {
    private static final String ANSWER = "{\"findings\": [{\"quote\": \"a {tricky} \\\"one\\\"\", \"category\": \"x\","
            + " \"severity\": \"info\", \"message\": \"m1\", \"suggestion\": \"\"}, {\"quote\": \"second\","
            + " \"category\": \"y\", \"severity\": \"error\", \"message\": \"m2\", \"suggestion\": \"s\"}]}";

    @Test
    void eachFindingIsHandedOutAsSoonAsItsObjectCloses() {
        FindingsScanner scanner = new FindingsScanner();
        List<Integer> completedAt = new ArrayList<>();
        List<ModelFinding> all = new ArrayList<>();
        for (int i = 0; i < ANSWER.length(); i += 3) {
            List<ModelFinding> got = scanner.feed(ANSWER.substring(i, Math.min(ANSWER.length(), i + 3)));
            got.forEach(f -> completedAt.add(ANSWER.indexOf(f.message())));
            all.addAll(got);
        }
        assertThat(all).extracting(ModelFinding::quote).containsExactly("a {tricky} \"one\"", "second");
        assertThat(completedAt.get(0)).isLessThan(ANSWER.indexOf("second"));
        assertThat(scanner.finish()).isEqualTo(FindingsScanner.Outcome.COMPLETE);
    }

    @Test
    void judgesBrokenAnswers() {
        assertThat(outcome("")).isEqualTo(FindingsScanner.Outcome.EMPTY);
        assertThat(outcome("{\"findings\": [{\"quote\": \"x\"")).isEqualTo(FindingsScanner.Outcome.TRUNCATED);
        assertThat(outcome("{\"findings\": [}]}")).isEqualTo(FindingsScanner.Outcome.MALFORMED);
        assertThat(outcome("{\"issues\": []}")).isEqualTo(FindingsScanner.Outcome.IGNORED_SCHEMA);
        assertThat(outcome("I found no problems.")).isEqualTo(FindingsScanner.Outcome.IGNORED_SCHEMA);
        assertThat(outcome("```json\n{\"findings\": []}\n```")).isEqualTo(FindingsScanner.Outcome.COMPLETE);
    }

    private static FindingsScanner.Outcome outcome(String answer) {
        FindingsScanner scanner = new FindingsScanner();
        scanner.feed(answer);
        return scanner.finish();
    }
}
