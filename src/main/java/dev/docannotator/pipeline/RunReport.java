package dev.docannotator.pipeline;

import dev.docannotator.analysis.CheckRun;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.analysis.RequirementNote;
import dev.docannotator.common.Language;
import dev.docannotator.common.Messages;
import java.util.List;

/**
 * What ran, as the API reports it in the {@code result} event, the task JSON and the CLI's {@code --json}: every
 * check with its parameters, how the requirement was read (with notes in the reader's language), and the analyser.
 */
public record RunReport(List<CheckRun> checks, RequirementReport requirement, String analyser) {

    /** How the requirement was read: {@code fell_back} is true when nothing was understood and the defaults ran. */
    public record RequirementReport(List<String> understood, List<String> notUnderstood, boolean fellBack,
                                    List<String> notes) {
        public RequirementReport {
            understood = List.copyOf(understood);
            notUnderstood = List.copyOf(notUnderstood);
            notes = List.copyOf(notes);
        }
    }

    public RunReport {
        checks = List.copyOf(checks);
    }

    /** The report of {@code requirement} run by the analyser called {@code analyser}, notes in {@code language}. */
    public static RunReport of(Requirement requirement, String analyser, Language language) {
        Messages messages = new Messages("requirement", language.locale());
        List<String> notes = requirement.notes().stream()
                .map((RequirementNote n) -> messages.get(n.key(), n.args().toArray())).toList();
        return new RunReport(requirement.checksRun(), new RequirementReport(requirement.understood(),
                requirement.notUnderstood(), requirement.defaulted(), notes), analyser);
    }
}
