package dev.docannotator.analysis.requirement;

import dev.docannotator.analysis.RequirementNote;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to say about a clause that selected no check: nothing when it only carries filler ("please check the
 * document", 请看一下), otherwise it was not understood, with a note naming the topic when the topic is one the
 * built-in checks cannot judge (tone, dates and deadlines, facts, formatting, legal review, summaries).
 */
final class Unmatched {
    private static final Set<String> ENGLISH_FILLER = Set.of(
            "please", "pls", "kindly", "check", "checks", "checking", "review", "reviewing", "look", "looking", "find",
            "flag", "flagging", "mark", "highlight", "show", "list", "point", "out", "catch", "spot", "report", "identify",
            "detect", "scan", "go", "over", "through", "the", "a", "an", "this", "that", "these", "those", "my", "our",
            "your", "its", "it", "document", "doc", "text", "file", "paper", "draft", "content", "for", "in", "on", "of",
            "to", "at", "by", "with", "from", "into", "any", "all", "every", "each", "some", "as", "well", "thanks",
            "thank", "you", "me", "us", "i", "we", "can", "could", "would", "will", "should", "must", "need", "needs",
            "want", "wants", "like", "make", "sure", "is", "are", "be", "been", "there", "if", "whether", "which",
            "what", "where", "do", "does", "did", "words", "word", "sentences", "sentence", "phrases", "phrase",
            "issues", "issue", "problems", "problem", "mistakes", "mistake", "errors", "error", "things", "places",
            "cases", "instances", "ones", "just", "only", "etc", "ok", "okay", "hi", "hello", "have", "has", "quick",
            "quickly", "carefully", "up", "used", "use", "using", "written", "throughout", "whole", "entire",
            "english", "chinese", "language", "left", "remain", "remaining", "voice", "markers", "marker", "terms",
            "term", "no", "not", "don't", "except", "skip", "ignore", "too", "also", "very", "really", "s", "them",
            "they", "he", "she", "here", "help", "let", "know", "tell", "give", "get", "so", "how", "why", "when",
            "defined", "define", "correct", "fix", "fixed", "keep", "agree", "agrees", "forget", "miss");
    private static final List<String> CHINESE_FILLER = List.of(
            "请帮我", "请", "帮我", "帮忙", "麻烦", "检查", "检测", "查找", "查看", "查", "找出", "找到", "找", "标出",
            "标注", "标记", "指出", "看看", "看一下", "看下", "看", "一下", "审阅", "审查", "审核", "文档", "文章",
            "文中", "全文", "这份", "这篇", "这个", "里面", "的", "了", "地", "得", "是否", "吗", "呢", "吧", "问题",
            "地方", "错误", "所有", "都", "也", "还", "要", "需要", "内容", "句子", "句", "词语", "词", "用法", "使用",
            "一遍", "下", "谢谢", "感谢", "我", "们", "你", "给", "把", "对", "进行", "确保", "确认", "是", "在", "中",
            "里", "出来", "出", "好", "哪些", "什么", "有", "一", "遍", "用", "定义", "中文", "英文", "语态", "表述",
            "表达", "忘", "能", "应该", "应", "没", "不", "可以", "就", "和", "与", "及");

    private record Topic(String key, Pattern pattern) {
    }

    private static final List<Topic> TOPICS = List.of(
            topic("note.tone", "tone|formal|informal|formality|polite|politeness|friendly|register|voice of the brand",
                    "语气|口吻|语调|正式|礼貌|客气|文风"),
            topic("note.dates", "deadlines?|dates?|dated|due|timelines?|schedules?",
                    "截止|日期|期限|时间节点|日程"),
            topic("note.facts", "facts?|factual|accurate|accuracy|true|truth|correctness|verify|verified",
                    "事实|准确|真实|核实"),
            topic("note.format", "format|formatting|fonts?|layout|headings?|indentation|margins?|bold|italics?",
                    "格式|字体|排版|标题|缩进|字号|加粗"),
            topic("note.legal", "legal|laws?|compliance|compliant|gdpr|contract|contracts|liability|regulations?",
                    "法律|合规|合同|法规|条款"),
            topic("note.rewrite", "summari[sz]e|summary|translate|translation|rewrite|rephrase|shorten",
                    "总结|摘要|翻译|改写|润色|缩短"),
            topic("note.audience", "audience|readers?|beginners?|clear enough|easy to understand|understandable",
                    "读者|受众|通俗|易懂"));

    private static Topic topic(String key, String english, String chinese) {
        return new Topic(key, Pattern.compile("(?<![a-z])(?:" + english + ")(?![a-z])|" + chinese));
    }

    private Unmatched() {
    }

    /** Whether {@code clause} (lower case, checks blanked) says something beyond filler. */
    static boolean meaningful(String clause) {
        String han = clause;
        for (String filler : CHINESE_FILLER) {
            han = han.replace(filler, " ");
        }
        if (han.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count() >= 2) {
            return true;
        }
        for (String word : clause.split("[^a-z0-9'-]+")) {
            String w = word.replaceAll("^'+|'+$", "");
            if (w.length() > 1 && !ENGLISH_FILLER.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** The note for a clause that was not understood: its topic's, or the general one quoting it. */
    static RequirementNote note(String clause, String original) {
        for (Topic topic : TOPICS) {
            if (topic.pattern().matcher(clause).find()) {
                return RequirementNote.of(topic.key());
            }
        }
        return RequirementNote.of("note.no_check", original);
    }
}
