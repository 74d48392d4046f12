package dev.docannotator.analysis;

import dev.docannotator.analysis.checks.BlockCheck;
import dev.docannotator.analysis.checks.ChineseTyposCheck;
import dev.docannotator.analysis.checks.DocumentCheck;
import dev.docannotator.analysis.checks.InconsistentTermsCheck;
import dev.docannotator.analysis.checks.LongSentenceCheck;
import dev.docannotator.analysis.checks.NumberWordMismatchCheck;
import dev.docannotator.analysis.checks.PassiveVoiceCheck;
import dev.docannotator.analysis.checks.QuantityMismatchCheck;
import dev.docannotator.analysis.checks.RankedCheck;
import dev.docannotator.analysis.checks.RepeatedWordsCheck;
import dev.docannotator.analysis.checks.SpelledQuantityCheck;
import dev.docannotator.analysis.checks.RequestedSpellingsCheck;
import dev.docannotator.analysis.checks.TermsCheck;
import dev.docannotator.analysis.checks.TodoMarkersCheck;
import dev.docannotator.analysis.checks.UndefinedAcronymsCheck;
import dev.docannotator.analysis.checks.VagueWordsCheck;
import dev.docannotator.analysis.grammar.GrammarCheck;
import dev.docannotator.analysis.grammar.LanguageToolPool;
import dev.docannotator.analysis.requirement.RequirementParser;
import dev.docannotator.document.ExtractedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded analyser: offline, deterministic, English and Chinese. Checks are chosen by the requirement;
 * GRAMMAR (LanguageTool) is opt-in because it is slow, and is loaded only when a document asks for it, once per
 * worker thread.
 */
public final class DefaultAnalyser implements Analyser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultAnalyser.class);
    private final RequirementParser parser;
    private final EnglishVariant defaultVariant;
    /** One pool per English variant a requirement asked for; each loads LanguageTool only when first used. */
    private final Map<EnglishVariant, LanguageToolPool> languageTools = new ConcurrentHashMap<>();
    /** Checks whose findings are almost surely worth each annotation: run block by block, as found. */
    private final List<BlockCheck> fixedBlockChecks = List.of(
            new RepeatedWordsCheck(), new TodoMarkersCheck(), new NumberWordMismatchCheck(), new ChineseTyposCheck());
    /**
     * Checks that need the whole document, and the style checks, which run over the whole document so that only
     * their strongest findings are annotated one by one (see {@link RankedCheck}); long sentences join them per
     * requirement, with its limits; a tie between British and American spellings is decided by the English the
     * requirement asked for.
     */
    private static List<DocumentCheck> documentChecks(CheckSettings settings) {
        return List.of(
                RankedCheck.of(new VagueWordsCheck(settings.vagueWords())), RankedCheck.of(new InconsistentTermsCheck(settings.variant())),
                RankedCheck.of(new UndefinedAcronymsCheck(settings.acronyms())), new QuantityMismatchCheck(), new SpelledQuantityCheck());
    }

    public DefaultAnalyser() {
        this(AnalyserOptions.defaults());
    }

    public DefaultAnalyser(AnalyserOptions options) {
        this.defaultVariant = options.englishVariant();
        this.parser = new RequirementParser(defaultVariant);
    }

    private LanguageToolPool languageTool(EnglishVariant variant) {
        return languageTools.computeIfAbsent(variant, LanguageToolPool::new);
    }

    /**
     * Loads LanguageTool now instead of in the first grammar task (see {@link LanguageToolPool#warmUp()}); meant to be
     * called once from a background thread at start-up. Blocks for seconds.
     */
    public void warmUpGrammar() {
        languageTool(defaultVariant).warmUp();
    }

    /**
     * {@link #warmUpGrammar()} on a low-priority daemon thread, off the request path (the server's, or a worker's at
     * start), logging how long it took; a failure is logged and left to the first grammar task, which tries again.
     */
    public void warmUpGrammarInBackground() {
        Thread warmUp = new Thread(() -> {
            long started = System.nanoTime();
            try {
                warmUpGrammar();
                LOG.info("Grammar checker loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("The grammar checker could not be loaded in advance; the first grammar task will try again", e);
            }
        }, "grammar-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    @Override
    public Requirement parse(String requirementText) {
        return parser.parse(requirementText);
    }

    @Override
    public AnalysisSession start(ExtractedText text, Requirement requirement) {
        return start(text, requirement, StepwiseSession.MAX_STEP_CHARS);
    }

    /** {@link #start} with another window size, for tests that compare it with the whole block in one step. */
    AnalysisSession start(ExtractedText text, Requirement requirement, int maxStepChars) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(requirement, "requirement");
        List<BlockCheck> blockChecks = new ArrayList<>();
        if (requirement.checks().contains(Check.TERMS) && !requirement.terms().isEmpty()) {
            blockChecks.add(new TermsCheck(requirement.terms()));
        }
        CheckSettings settings = requirement.settings();
        for (BlockCheck check : fixedBlockChecks) {
            if (requirement.checks().contains(check.check())) {
                blockChecks.add(check);
            }
        }
        if (requirement.checks().contains(Check.GRAMMAR)) {
            blockChecks.add(new GrammarCheck(languageTool(settings.variant()), settings.variant(),
                    requirement.checks().contains(Check.REPEATED_WORDS), settings.variantNamed(), settings.grammar()));
        }
        List<DocumentCheck> wholeDocument = new ArrayList<>();
        if (requirement.checks().contains(Check.LONG_SENTENCE)) {
            wholeDocument.add(RankedCheck.of(new LongSentenceCheck(settings.maxWords(), settings.maxChineseChars())));
        }
        if (requirement.checks().contains(Check.PASSIVE_VOICE)) {
            wholeDocument.add(RankedCheck.of(new PassiveVoiceCheck(settings.passives())));
        }
        documentChecks(settings).stream().filter(c -> requirement.checks().contains(c.check()))
                .forEach(wholeDocument::add);
        if (requirement.checks().contains(Check.INCONSISTENT_TERMS) && !settings.consistencyTerms().isEmpty()) {
            wholeDocument.add(new RequestedSpellingsCheck(settings.consistencyTerms()));
        }
        return new StepwiseSession(text, blockChecks, wholeDocument, maxStepChars, requirement.language());
    }
}
