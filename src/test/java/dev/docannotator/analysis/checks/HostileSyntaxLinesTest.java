package dev.docannotator.analysis.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.text.OptionSyntax;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Lines an attacker (or a generated file) can write that made the option and element patterns recurse once per
 * repetition: a few kilobytes overflowed a 1 MB thread stack, an Error no analysis step catches.
 */
class HostileSyntaxLinesTest {
    private static final long STACK_BYTES = 1024 * 1024;

    @Test
    void aLongRunOfOptionsBeforeAnOptionHeadIsReadWithoutRecursion() throws Exception {
        String line = "-a, ".repeat(20_000) + "-b count";

        assertThat(onASmallStack(() -> OptionSyntax.of(line).metavariables())).containsExactly("count");
    }

    @Test
    void anOptionNameOfThousandsOfPartsIsReadWithoutRecursion() throws Exception {
        String line = "x --a" + "-a".repeat(20_000) + " y";

        assertThat(onASmallStack(() -> OptionSyntax.of(line).longOptions())).hasSize(1);
        assertThat(onASmallStack(() -> OptionSyntax.of(line).keywords())).hasSize(1);
    }

    @Test
    void aLongHyphenatedRunBeforeElementsIsReadWithoutRecursion() throws Exception {
        String line = "a-".repeat(20_000) + "b elements";

        assertThat(onASmallStack(() -> SyntaxNames.elementNames(List.of(line)))).isNotNull();
    }

    /** Runs {@code work} on a thread with a 1 MB stack, the JVM's default, and returns what it gave or rethrows. */
    private static Set<String> onASmallStack(Supplier<Set<String>> work) throws Exception {
        AtomicReference<Set<String>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", STACK_BYTES);
        thread.start();
        thread.join();
        assertThat(failure.get()).isNull();
        return result.get();
    }
}
