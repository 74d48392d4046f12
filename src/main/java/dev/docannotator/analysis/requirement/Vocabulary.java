package dev.docannotator.analysis.requirement;

import dev.docannotator.analysis.Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The words in English and Chinese that select each check. Longer phrases are matched first and consume their
 * text, so "spelling variants" selects the consistency check and not also spelling, and 数字不一致 selects the
 * number check and not also consistency.
 */
final class Vocabulary {
    /** A phrase and what it selects; an empty set means "every check". */
    record Entry(String phrase, Set<Check> checks) {
    }

    private static final List<Entry> ENTRIES;

    static {
        List<Entry> e = new ArrayList<>();
        add(e, Set.of(), "everything", "all checks", "all the checks", "every check", "all of them", "full check",
                "full review", "all built-in checks", "全部", "所有检查", "全部检查", "全面检查", "所有问题", "全都检查");
        add(e, Set.of(Check.LONG_SENTENCE), "long sentence", "long sentences", "sentence length", "run-on",
                "run-ons", "run on sentences", "run-on sentences", "wordy", "wordiness", "long-winded", "readability",
                "too long", "overly long", "short sentences", "sentences short", "sentences shorter",
                "长句", "长句子", "句子太长", "句子过长", "过长的句子", "太长的句子", "冗长", "可读性", "句子长度");
        add(e, Set.of(Check.PASSIVE_VOICE), "passive", "passives", "active voice", "被动", "被字句");
        add(e, Set.of(Check.VAGUE_WORDS), "vague", "vagueness", "hedging", "hedge", "hedges", "weasel",
                "imprecise", "ambiguous", "ambiguity", "woolly", "wishy-washy", "模糊", "含糊", "不明确", "不精确",
                "笼统", "歧义", "模棱两可");
        add(e, Set.of(Check.REPEATED_WORDS), "repeated", "repetition", "repetitions", "repeats", "duplicate word",
                "duplicate words", "duplicated words", "doubled words", "double words", "word twice", "words twice",
                "重复", "重复的词", "叠字", "叠词");
        add(e, Set.of(Check.INCONSISTENT_TERMS), "consistent", "consistently", "consistency", "inconsistent",
                "inconsistency", "inconsistencies", "spelling variant", "spelling variants", "variant spellings",
                "inconsistent spelling", "inconsistent spellings", "consistent spelling", "spelling consistency",
                "terminology", "一致", "不一致", "术语", "统一", "用词统一", "前后一致", "写法统一");
        add(e, Set.of(Check.UNDEFINED_ACRONYMS), "acronym", "acronyms", "abbreviation", "abbreviations",
                "initialism", "initialisms", "缩写", "缩略语", "缩略词", "简称", "首字母缩写", "英文缩写");
        add(e, Set.of(Check.TODO_MARKERS), "todo", "todos", "to-do", "to-dos", "tbd", "tbc", "fixme", "placeholder",
                "placeholders", "unfinished", "incomplete", "leftover", "left-over", "lorem ipsum", "待定", "待补充",
                "待确认", "占位", "占位符", "未完成", "待办", "未写完");
        add(e, Set.of(Check.NUMBER_MISMATCH), "number", "numbers", "figure", "figures", "numeric", "numerical",
                "digits", "quantities", "amounts", "inconsistent numbers", "numbers that disagree",
                "number consistency", "numbers consistent", "contradiction", "contradictions", "contradictory",
                "contradict", "数字", "数据", "数值", "数量", "数字不一致", "数据不一致", "数值不一致", "数字一致",
                "数据一致", "数字是否一致", "数据是否一致", "矛盾", "前后矛盾");
        add(e, Set.of(Check.GRAMMAR), "grammar", "grammatical", "spelling", "spell check", "spellcheck",
                "spell-check", "misspelling", "misspellings", "misspelled", "misspelt", "typo",
                "typos", "proofread", "proofreading", "语法", "拼写", "病句", "校对");
        add(e, Set.of(Check.GRAMMAR, Check.TYPOS_ZH), "错别字", "错字", "别字");
        e.sort(Comparator.comparingInt((Entry x) -> x.phrase().length()).reversed());
        ENTRIES = List.copyOf(e);
    }

    private Vocabulary() {
    }

    private static void add(List<Entry> into, Set<Check> checks, String... phrases) {
        for (String p : phrases) {
            into.add(new Entry(p, checks));
        }
    }

    /** Every phrase, longest first. */
    static List<Entry> entries() {
        return ENTRIES;
    }
}
