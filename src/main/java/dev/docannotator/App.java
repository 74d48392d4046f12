package dev.docannotator;

import dev.docannotator.cli.AnnotateCommand;
import dev.docannotator.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code serve} runs the web service, {@code annotate} runs the engine on one file. */
@Command(name = "doc-annotator", mixinStandardHelpOptions = true,
        versionProvider = App.Version.class,
        description = "Self-hosted document review: annotate DOCX, PDF, TXT and Markdown documents.",
        subcommands = {ServeCommand.class, AnnotateCommand.class, CommandLine.HelpCommand.class})
public final class App implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new App()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    /** The version from the jar's manifest (set by Maven), or "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = App.class.getPackage().getImplementationVersion();
            return new String[] {"doc-annotator " + (version == null ? "dev" : version)};
        }
    }
}
