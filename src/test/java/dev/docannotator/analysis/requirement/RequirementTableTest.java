package dev.docannotator.analysis.requirement;

import static dev.docannotator.analysis.Check.GRAMMAR;
import static dev.docannotator.analysis.Check.INCONSISTENT_TERMS;
import static dev.docannotator.analysis.Check.LONG_SENTENCE;
import static dev.docannotator.analysis.Check.NUMBER_MISMATCH;
import static dev.docannotator.analysis.Check.PASSIVE_VOICE;
import static dev.docannotator.analysis.Check.REPEATED_WORDS;
import static dev.docannotator.analysis.Check.TERMS;
import static dev.docannotator.analysis.Check.TODO_MARKERS;
import static dev.docannotator.analysis.Check.UNDEFINED_ACRONYMS;
import static dev.docannotator.analysis.Check.TYPOS_ZH;
import static dev.docannotator.analysis.Check.VAGUE_WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.RequirementNote;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requirements people type, in English and Chinese, with the checks, parameters and not-understood parts each must
 * give. The traps of issue 12 are here: limits that were ignored, British spelling, 错别字 (which contains 别),
 * 别忘了 ("don't forget"), and asks no built-in check can answer.
 */
class RequirementTableTest {
    private static final Set<Check> DEFAULTS = RequirementParser.defaultChecks();

    private final RequirementParser parser = new RequirementParser();

    /** One row: the requirement, the checks, some expected params by check id, what was not understood, a note key. */
    record Row(String text, Set<Check> checks, Map<String, Map<String, Object>> params, List<String> notUnderstood,
               boolean fellBack, String note) {
        Row param(String check, String key, Object value) {
            Map<String, Map<String, Object>> more = new LinkedHashMap<>(params);
            more.computeIfAbsent(check, k -> new LinkedHashMap<>()).put(key, value);
            return new Row(text, checks, more, notUnderstood, fellBack, note);
        }

        Row notUnderstood(String... parts) {
            return new Row(text, checks, params, List.of(parts), fellBack, note);
        }

        Row fallsBack() {
            return new Row(text, checks, params, notUnderstood, true, note);
        }

        Row note(String key) {
            return new Row(text, checks, params, notUnderstood, fellBack, key);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("Flag sentences longer than 25 words", EnumSet.of(LONG_SENTENCE))
                        .param("long_sentence", "max_words", 25),
                row("Flag sentences with more than 30 words and any passive voice", EnumSet.of(LONG_SENTENCE, PASSIVE_VOICE))
                        .param("long_sentence", "max_words", 30),
                row("Keep sentences under 20 words and avoid vague wording", EnumSet.of(LONG_SENTENCE, VAGUE_WORDS))
                        .param("long_sentence", "max_words", 19),
                row("Flag 25+ word sentences", EnumSet.of(LONG_SENTENCE)).param("long_sentence", "max_words", 24),
                row("标出超过50字的句子", EnumSet.of(LONG_SENTENCE)).param("long_sentence", "max_chars", 50),
                row("句子不要超过五十个字", EnumSet.of(LONG_SENTENCE)).param("long_sentence", "max_chars", 50),
                row("检查长句（超过30个词）和重复词", EnumSet.of(LONG_SENTENCE, REPEATED_WORDS))
                        .param("long_sentence", "max_words", 30),
                row("Check spelling in British English", EnumSet.of(GRAMMAR)).param("grammar", "variant", "en-GB")
                        .param("grammar", "scope", "all"),
                // the broad ask: grammar, passives and acronyms say what is worth reading in the document's genre
                row("Check everything", EnumSet.allOf(Check.class)).param("grammar", "scope", "by_genre")
                        .param("passive_voice", "scope", "hidden_actor").param("undefined_acronyms", "scope", "by_genre"),
                row("全部检查", EnumSet.allOf(Check.class)).param("grammar", "scope", "by_genre")
                        .param("passive_voice", "scope", "hidden_actor").param("undefined_acronyms", "scope", "by_genre"),
                row("Check everything, including grammar and spelling", EnumSet.allOf(Check.class))
                        .param("grammar", "scope", "all").param("passive_voice", "scope", "hidden_actor"),
                row("全部检查，特别是错别字和被动句", EnumSet.allOf(Check.class)).param("grammar", "scope", "all")
                        .param("passive_voice", "scope", "all").note("note.grammar_english_only"),
                row("Proofread it in Australian English, and flag long sentences", EnumSet.of(GRAMMAR, LONG_SENTENCE))
                        .param("grammar", "variant", "en-AU"),
                row("Use Canadian spelling throughout", EnumSet.of(GRAMMAR)).param("grammar", "variant", "en-CA"),
                row("请按英式英语检查拼写", EnumSet.of(GRAMMAR)).param("grammar", "variant", "en-GB")
                        .note("note.grammar_english_only"),
                row("Check for run-on sentences, weasel words and undefined abbreviations in US English",
                        EnumSet.of(LONG_SENTENCE, VAGUE_WORDS, UNDEFINED_ACRONYMS)),
                row("检查错别字和术语是否统一", EnumSet.of(GRAMMAR, TYPOS_ZH, INCONSISTENT_TERMS)),
                row("别忘了检查被动句", EnumSet.of(PASSIVE_VOICE)),
                row("特别注意被动句和长句", EnumSet.of(PASSIVE_VOICE, LONG_SENTENCE)),
                row("Don't forget to check the acronyms", EnumSet.of(UNDEFINED_ACRONYMS))
                        .param("undefined_acronyms", "scope", "all"),
                row("Make sure there are no TODOs left", EnumSet.of(TODO_MARKERS)),
                row("确保没有待定内容", EnumSet.of(TODO_MARKERS)),
                row("Everything except grammar and passive voice", without(EnumSet.allOf(Check.class), GRAMMAR, PASSIVE_VOICE)),
                row("Check everything but grammar", without(EnumSet.allOf(Check.class), GRAMMAR)),
                row("除了语法和被动句，全部检查", without(EnumSet.allOf(Check.class), GRAMMAR, PASSIVE_VOICE)),
                row("除了长句，还要检查被动句", EnumSet.of(LONG_SENTENCE, PASSIVE_VOICE)),
                row("语法不用查，只看长句", EnumSet.of(LONG_SENTENCE)),
                row("Don't flag passive voice", without(EnumSet.copyOf(DEFAULTS), PASSIVE_VOICE)),
                row("No TODO markers, and passive voice", EnumSet.of(PASSIVE_VOICE)),
                row("Look for the passive voice, but don't check grammar", EnumSet.of(PASSIVE_VOICE)),
                row("Make sure \"e-mail\" and \"email\" are used consistently", EnumSet.of(INCONSISTENT_TERMS))
                        .param("inconsistent_terms", "terms", List.of("e-mail", "email")),
                row("Find \u201cAcme Cloud\u201d and check acronyms", EnumSet.of(TERMS, UNDEFINED_ACRONYMS))
                        .param("terms", "terms", List.of("Acme Cloud")),
                row("Make sure every deadline has a date", DEFAULTS).notUnderstood("Make sure every deadline has a date")
                        .fallsBack().note("note.dates"),
                row("Is the tone formal enough?", DEFAULTS).notUnderstood("Is the tone formal enough")
                        .fallsBack().note("note.tone"),
                row("Check passive voice and make sure every deadline has a date", EnumSet.of(PASSIVE_VOICE))
                        .notUnderstood("make sure every deadline has a date").note("note.dates"),
                row("Are the numbers consistent? Is the tone polite?", EnumSet.of(NUMBER_MISMATCH))
                        .notUnderstood("Is the tone polite").note("note.tone"),
                row("请检查语气是否正式，以及缩写是否都有定义", EnumSet.of(UNDEFINED_ACRONYMS))
                        .param("undefined_acronyms", "scope", "all").notUnderstood("请检查语气是否正式").note("note.tone"),
                row("合同条款是否符合法律要求", DEFAULTS).notUnderstood("合同条款是否符合法律要求").fallsBack()
                        .note("note.legal"),
                row("Please review this document", DEFAULTS).fallsBack().note("note.general"),
                row("请看一下", DEFAULTS).fallsBack().note("note.general"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsWhatPeopleType(Row row) {
        Requirement r = parser.parse(row.text());

        assertThat(r.checks()).as("checks").containsExactlyInAnyOrderElementsOf(row.checks());
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (CheckRun run : r.checksRun()) {
            params.put(run.id(), run.params());
        }
        row.params().forEach((check, expected) -> assertThat(params.get(check)).as(check).containsAllEntriesOf(expected));
        assertThat(r.notUnderstood()).as("not understood").containsExactlyElementsOf(row.notUnderstood());
        assertThat(r.defaulted()).as("fell back").isEqualTo(row.fellBack());
        if (row.note() != null) {
            assertThat(r.notes()).extracting(RequirementNote::key).contains(row.note());
        }
        if (!row.fellBack()) {
            assertThat(r.understood()).as("understood").isNotEmpty();
        }
    }

    private static Set<Check> without(Set<Check> all, Check... removed) {
        EnumSet<Check> set = EnumSet.copyOf(all);
        for (Check c : removed) {
            set.remove(c);
        }
        return set;
    }

    private static Row row(String text, Set<Check> checks) {
        return new Row(text, checks, Map.of(), List.of(), false, null);
    }
}
