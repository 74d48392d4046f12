package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.EnglishVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.CategoryId;

/**
 * One {@link JLanguageTool} per worker thread, created on first use: JLanguageTool is not thread-safe and takes
 * seconds to start, so each thread loads it once and reuses it for every later document. The {@link Language}
 * (dictionaries, tagger) is shared, as LanguageTool's own server does. Nothing is loaded until the first grammar
 * check runs, so documents that do not ask for grammar never pay for it.
 */
public final class LanguageToolPool {
    /** Typography-only rules that would flag most real documents (straight quotes, headings without a full stop). */
    private static final List<String> DISABLED_RULES = List.of("EN_QUOTES", "PUNCTUATION_PARAGRAPH_END");

    private final EnglishVariant variant;
    /** One instance per variant and thread; a document that asks for en-GB does not disturb the en-US ones. */
    private final Map<EnglishVariant, ThreadLocal<JLanguageTool>> perThread = new ConcurrentHashMap<>();
    private final Map<EnglishVariant, Language> languages = new ConcurrentHashMap<>();

    public LanguageToolPool(EnglishVariant variant) {
        this.variant = variant;
    }

    public EnglishVariant variant() {
        return variant;
    }

    /** This thread's instance for the default variant, loaded on the first call from the thread. */
    public JLanguageTool forCurrentThread() {
        return forCurrentThread(variant);
    }

    /** This thread's instance for {@code english}, loaded on the first call from the thread. */
    public JLanguageTool forCurrentThread(EnglishVariant english) {
        return perThread.computeIfAbsent(english, v -> ThreadLocal.withInitial(() -> create(v))).get();
    }

    /**
     * Loads the shared English data and this thread's instance now, by checking one sentence. The shared data is
     * most of the start-up cost (15–50 s measured on a busy 2-core machine, against well under a second for each
     * further thread), so calling this once in the background at start-up spares the first grammar task the wait.
     */
    public void warmUp() {
        try {
            forCurrentThread().check("This sentence warms up the checker.");
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not be loaded", e);
        }
    }

    private JLanguageTool create(EnglishVariant english) {
        JLanguageTool tool = new JLanguageTool(languages.computeIfAbsent(english,
                v -> Languages.getLanguageForShortCode(v.languageCode())));
        tool.disableRules(DISABLED_RULES);
        // en-GB proposes Oxford -ize spellings for correct British -ise ones ("organised"): not an error to flag.
        tool.disableCategory(new CategoryId("BRE_STYLE_OXFORD_SPELLING"));
        return tool;
    }
}
