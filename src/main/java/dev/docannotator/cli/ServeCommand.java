package dev.docannotator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** PLACEHOLDER until the server lands: {@code serve [--port 7070] [--data-dir DIR]}. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the DocAnnotator web service.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        System.err.println("serve is not implemented yet");
        return 4;
    }
}
