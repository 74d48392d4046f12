package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Genre;
import org.junit.jupiter.api.Test;

/**
 * Acronyms of computing (wtf(6)'s list) are the vocabulary of a manual page's reader, not of a README's or a business
 * report's. Texts written like the manual pages, READMEs and planted proposals of the quality benchmark's corpus.
 */
class AcronymsKnownToTheAudienceTest {

    /** A manual page in the man-pages(7) layout: its reader administers users and files. */
    private static final String[] MANUAL_PAGE = {
            "NAME",
            "chown - change file owner and group",
            "SYNOPSIS",
            "chown [OPTION]... [OWNER][:[GROUP]] FILE...",
            "DESCRIPTION",
            "This manual page documents the GNU version of chown. chown changes the user and/or group ownership of "
                    + "each given file. If only an owner (a user name or numeric UID) is given, that user is made the "
                    + "owner of each given file, and the files' group is not changed.",
            "If the owner is followed by a colon and a group name (or numeric GID), with no spaces between them, the "
                    + "group ownership of the files is changed as well. Changing the owner does not change the ACL "
                    + "entries of a file; use setfacl to edit them.",
            "OPTIONS",
            "-R, --recursive operate on files and directories recursively"};

    @Test
    void aManualPagesUidGidAndAclAreItsReadersWords() {
        assertThat(Genre.of(String.join("\n", MANUAL_PAGE))).isEqualTo(Genre.MANUAL);

        assertThat(run(Check.UNDEFINED_ACRONYMS, MANUAL_PAGE)).isEmpty();
    }

    @Test
    void aBusinessReportsKpiAndSlaAreStillAskedForThoughKpiIsAComputingAcronymToo() {
        // KPI is "kernel programming interface" in the computing list: in a report it means something else
        String[] report = {
                "Quarterly Operations Report",
                "Customer support closed 4,210 tickets this quarter, up from 3,870 in the second quarter. The team met "
                        + "its KPI for first-response time in ten of twelve weeks, and missed it only during the "
                        + "holiday period when two agents were on leave.",
                "Response times for enterprise customers stayed within the SLA in every month. The regional offices "
                        + "in Lyon and Porto handled a third of all calls, and the board approved two new hires for "
                        + "the Porto office in the spring."};
        assertThat(Genre.of(String.join("\n", report))).isEqualTo(Genre.GENERAL);

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, report))).containsExactly("KPI", "SLA");
    }

    @Test
    void aTimeZoneAndAProcessorArchitectureAreEverydayNamesInAHistory() {
        // Debian's history of important events, judged on first exposure: CET, ARM and MIPS were false alarms
        String[] history = {
                "Around 08:00 CET on November 20th, 2002, the University of Twente Network Operation Center (NOC) "
                        + "caught fire. The fire burned down completely and the fire department gave up protecting "
                        + "the server area.",
                "He was a long-time member of the Debian project helping the ARM port, and the lead maintainer of the "
                        + "MIPS port for years. The project's SLA with the university ended that winter."};

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, history))).containsExactly("SLA");
    }

    @Test
    void aDesignProposalForDevelopersUsesComputingAcronymsAsWordsButItsOwnTermsAreAskedFor() {
        // Go's PGO proposal and RocketMQ's design, judged blind: RPC, AST, LTO, ACK and HA were false alarms there,
        // the project's own SOT a true one
        String[] proposal = {
                "Proposal: faster broker failover",
                "Background",
                "Today a client that loses its broker retries the RPC until the broker returns, which can take minutes "
                        + "during a rolling upgrade. Operators have told us that these pauses are the most common "
                        + "reason for paging the on-call engineer at night, and that they cannot plan upgrades around "
                        + "them because the length of a pause depends on how much data the broker has to replay.",
                "We propose that a replica answers in the broker's place while the broker is away. The replica already "
                        + "holds every committed message, so the only work left is to let it accept writes for a short "
                        + "time and to hand the partition back when the broker has caught up again.",
                "Design",
                "The compiler work is small: the parser already builds an AST for the routing rules, and LTO removes "
                        + "the unused paths from the final binary, so the new rule costs nothing for deployments that "
                        + "never turn it on. The routing table gains one flag per partition, set by the name server.",
                "A replica sends the ACK only after the write is durable on two machines, so HA does not weaken the "
                        + "delivery guarantee that producers rely on. The SOT for the routing table stays the name "
                        + "server; replicas only cache it, and a replica that cannot reach the name server stops "
                        + "accepting writes rather than guess.",
                "Rollout",
                "We will ship the change behind a setting that is off by default, turn it on for our own test cluster "
                        + "first, and publish the measured pause times before we recommend it to anyone else. If the "
                        + "pauses do not shrink by at least half, we will withdraw the proposal.",
                "Alternatives",
                "We considered shortening the replay instead, by writing snapshots of each partition more often. That "
                        + "would shorten every pause a little but not remove it, and it would double the disk traffic "
                        + "of the busiest clusters, which several operators told us they could not afford this year. "
                        + "We also considered moving clients to another broker, which the protocol does not allow "
                        + "without a new version of every client library, and we rejected both for those reasons."};
        assertThat(Genre.of(String.join("\n", proposal))).isEqualTo(Genre.GENERAL);

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, proposal))).containsExactly("SOT");
    }

    @Test
    void aLongBusinessPlanWithOfficeHoursAndFilesIsNotWrittenForDevelopers() {
        // IS, AS, IT, AM and PM are in the computing list too, and PDF, URL and CSV are known to everyone
        String[] plan = {
                "Regional support plan for the coming year",
                "The support desk is staffed from 9 AM to 5 PM on working days, and the IT desk covers the evenings "
                        + "for urgent calls. Each region sends its monthly figures as a CSV file and a short PDF "
                        + "summary to the operations team, which publishes them at a fixed URL for the board.",
                "Every region reports its KPI for first-response time each month. The target is the same for all "
                        + "regions, but the smaller offices may ask for a lower one in their first year, when they are "
                        + "still hiring and training their staff and cannot yet cover every shift on their own.",
                "The budget for the year covers four new hires, two in Lyon and two in Porto, and a second round of "
                        + "training for the team leads. The training is run by an outside firm that has worked with us "
                        + "before, and the sessions are held in the spring so that the new hires can join them.",
                "We will review the plan at the end of the second quarter. If the response times have not improved "
                        + "by then, the board will decide whether to move more of the evening calls to the regional "
                        + "offices or to extend the hours of the central desk for the rest of the year.",
                "The regional managers meet once a month to compare their figures and to agree on changes to the "
                        + "shared procedures; the minutes of these meetings go to the board with the monthly summary.",
                "Customers who call outside the desk's hours are asked to leave a message, and the first agent on duty "
                        + "the next morning calls them back before taking any new calls. This rule has cut the number "
                        + "of complaints about missed calls by a third since it was introduced last spring.",
                "The offices in Lyon and Porto will share one phone system from the summer on, so that a call that is "
                        + "not answered in one office within a minute is passed to the other. Both offices agreed to "
                        + "the change, and the works council was consulted before the decision was taken.",
                "A short survey of the customers who called in the first half of the year found that most of them "
                        + "care more about a clear answer on the first call than about a short wait before it."};
        assertThat(String.join("\n", plan).length()).isGreaterThan(2000);

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, plan))).containsExactly("KPI");
    }

    @Test
    void aReadmeIsStillAskedForListedAcronyms() {
        // ABI is in wtf(6)'s computing list, but the list is a manual page reader's vocabulary: a README's reader is
        // asked what the ABI is, as the labelled READMEs' judges asked (coreutils, D-Bus), and what QDSX is
        String[] readme = {
                "Building libtrove",
                "libtrove compiles with GCC 9 or later and with any LLVM-based compiler such as clang. Run ./configure, "
                        + "then make and make install; the --prefix option chooses the installation directory.",
                "The library reads disk images in the FAT format and exports each file through a small C interface. "
                        + "The ABI is stable within a major release, so programs linked against an older version keep "
                        + "working after an upgrade.",
                "On embedded targets the build uses the QDSX backend by default; pass --disable-qdsx-backend to the "
                        + "configure script to fall back to the portable code path."};
        assertThat(Genre.of(String.join("\n", readme))).isEqualTo(Genre.TECHNICAL);

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, readme))).contains("ABI", "QDSX");
    }

    @Test
    void aChineseManualPageReadsTheListTooButAnUnlistedAcronymIsStillAskedFor() {
        // zh_CN shadow pages: the reader of newusers(8) knows UID and GID as well as the reader of the English page
        String[] page = {
                "名称",
                "newusers - 成批更新和创建新用户",
                "概述",
                "newusers [选项] [文件]",
                "描述",
                "newusers 命令读取一个文件，并使用这些信息更新一组现有的用户或创建新用户。每行的格式与密码文件相同。"
                        + "如果 UID 字段为空，将选择一个新的（未使用的）UID；如果 GID 字段为空，将创建一个新组。",
                "在 Linux 下，可以使用 SAK 机制来确保登录会话没有被其他程序截获。"};
        assertThat(Genre.of(String.join("\n", page))).isEqualTo(Genre.MANUAL);

        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS, page))).containsExactly("SAK");
    }
}
