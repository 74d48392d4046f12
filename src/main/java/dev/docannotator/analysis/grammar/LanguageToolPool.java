package dev.docannotator.analysis.grammar;

import dev.docannotator.analysis.EnglishVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
    private final ThreadLocal<JLanguageTool> perThread = ThreadLocal.withInitial(this::create);
    private volatile Language language;

    public LanguageToolPool(EnglishVariant variant) {
        this.variant = variant;
    }

    public EnglishVariant variant() {
        return variant;
    }

    /** This thread's instance, loaded on the first call from the thread. */
    public JLanguageTool forCurrentThread() {
        return perThread.get();
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

    private JLanguageTool create() {
        JLanguageTool tool = new JLanguageTool(language());
        tool.disableRules(DISABLED_RULES);
        // en-GB proposes Oxford -ize spellings for correct British -ise ones ("organised"): not an error to flag.
        tool.disableCategory(new CategoryId("BRE_STYLE_OXFORD_SPELLING"));
        return tool;
    }

    private Language language() {
        Language loaded = language;
        if (loaded == null) {
            synchronized (this) {
                loaded = language;
                if (loaded == null) {
                    loaded = Languages.getLanguageForShortCode(variant.languageCode());
                    language = loaded;
                }
            }
        }
        return loaded;
    }
}
