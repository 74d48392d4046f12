package dev.docannotator.analysis.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the marks of software documentation in a text: the words of software (install, compile, command, option,
 * file, directory, library …; 安装, 编译, 命令, 选项 …), command-line options ({@code --help}, {@code -v}) and paths or
 * file names ({@code /etc/passwd}, {@code ./configure}, {@code ~/.profile}, {@code README.md}). Not "system",
 * "platform" or "server": a plan for an IT project uses those too; not 文件, 程序, 目录 or 版本, which are also a
 * document, a procedure, a catalogue and an edition in any Chinese. One pass over the text with a set look-up per
 * word: a regular expression tried at every word start cost ~0.2 µs a character.
 */
final class SoftwareVocabulary {
    private static final Set<String> WORDS = Set.of(
            "install", "installs", "installed", "installing", "installation", "compile", "compiles", "compiled",
            "compiling", "compiler", "compilers", "compilation", "build", "builds", "building", "configure",
            "configures", "configured", "configuration", "directory", "directories", "binary", "binaries", "library",
            "libraries", "package", "packages", "command", "commands", "option", "options", "file", "files",
            "program", "programs", "version", "versions", "repository", "repositories", "bug", "bugs", "patch",
            "patches", "script", "scripts", "makefile", "makefiles", "executable", "executables", "daemon", "daemons",
            "kernel", "syntax", "debug", "debugging");
    private static final int LONGEST_WORD = 13;
    /** File name extensions: {@code README.md}, {@code main.c}, {@code setup.py}. */
    private static final Set<String> EXTENSIONS = Set.of(
            "c", "h", "txt", "md", "sh", "py", "conf", "cfg", "in", "am", "ac", "html", "xml", "json", "so", "tar", "gz");
    /** The top directories of a Unix path: {@code /usr/bin}, {@code /etc/passwd}. */
    private static final List<String> ROOTS = List.of("usr", "etc", "var", "bin", "tmp", "home", "opt", "lib", "dev");
    private static final List<String> CHINESE = List.of("安装", "编译", "命令", "选项", "脚本", "软件包", "源代码", "可执行");

    private SoftwareVocabulary() {
    }

    /** How many marks of software documentation {@code text} holds. */
    static int count(String text) {
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            boolean afterWord = i > 0 && isWordChar(text.charAt(i - 1));
            if (isAsciiLetter(c) && !afterWord) {
                int end = i;
                while (end < len && isWordChar(text.charAt(end))) {
                    end++;
                }
                if (isSoftwareWord(text, i, end) || end < len && text.charAt(end) == '.' && extensionAt(text, end + 1)) {
                    n++;
                }
                i = end;
                continue;
            }
            if (c == '-' && !afterWord && (i == 0 || text.charAt(i - 1) != '-')) {
                int k = i + 1 < len && text.charAt(i + 1) == '-' ? i + 2 : i + 1;
                if (k < len && isAsciiLetter(text.charAt(k))) {
                    n++; // --help, -v
                    i = k;
                    continue;
                }
            } else if (c == '/' && !afterWord && (i == 0 || text.charAt(i - 1) != '/') && rootAt(text, i + 1)
                    || (c == '~' || c == '.' && !afterWord) && i + 1 < len && text.charAt(i + 1) == '/') {
                n++; // /etc/…, ~/…, ./configure
            } else if (c >= 0x4E00) {
                for (String word : CHINESE) {
                    if (text.startsWith(word, i)) {
                        n++;
                        i += word.length() - 1;
                        break;
                    }
                }
            }
            i++;
        }
        return n;
    }

    private static boolean isSoftwareWord(String text, int start, int end) {
        int length = end - start;
        if (length < 3 || length > LONGEST_WORD) {
            return false;
        }
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        return WORDS.contains(word) || word.equals("source") && codeAfter(text, end);
    }

    /** "source code", also across a line break. */
    private static boolean codeAfter(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i > at && text.regionMatches(true, i, "code", 0, 4)
                && (i + 4 == text.length() || !isWordChar(text.charAt(i + 4)));
    }

    private static boolean extensionAt(String text, int at) {
        int end = at;
        while (end < text.length() && end - at <= 4 && isWordChar(text.charAt(end))) {
            end++;
        }
        return end > at && (end == text.length() || !isWordChar(text.charAt(end)))
                && EXTENSIONS.contains(text.substring(at, end).toLowerCase(Locale.ROOT));
    }

    private static boolean rootAt(String text, int at) {
        for (String root : ROOTS) {
            int end = at + root.length();
            if (text.startsWith(root, at) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    /** A word character as {@code \\b} sees it. */
    private static boolean isWordChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }
}
