package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/** Chinese manual pages keep English passages, option lists and names from the original; the texts are of that kind. */
class ChineseManualPagesTest {

    @Test
    void aDirectoryServiceNamedBesideLdapIsWellKnownButAStandardsAbbreviationIsNot() {
        // gpasswd(1) and passwd(1): NIS is named with LDAP and NFS, never spelled out; FHS is a standard's initials
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Thus you cannot change any NIS or LDAP group. This must be performed on the corresponding server.",
                "在启动了 NIS 的系统上，如果没有登录 NIS 服务器，用户或许不能更改自己的密码。",
                "/var/cache/man/index.db 与 FHS 兼容的全局索引数据库缓存。")))
                .containsExactly("FHS");
    }

    @Test
    void theRepeatMarkOfAnOptionsArgumentListIsNotPunctuation() {
        // gpasswd(1) in Chinese: "-A, --administrators user,..." was "a comma without a space after it"
        assertThat(run(Check.GRAMMAR,
                "-A, --administrators user,...",
                "设置组管理员列表。",
                "-M, --members user,...",
                "设置组成员列表。")).isEmpty();
    }
}
