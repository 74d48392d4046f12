package dev.docannotator.cli;

import dev.docannotator.document.DocumentFormat;
import java.nio.file.Path;

/** Default output names: {@code report.docx} becomes {@code report.annotated.docx} beside it. */
public final class OutputNames {
    private OutputNames() {
    }

    public static Path besideInput(Path file, DocumentFormat format) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(base + ".annotated." + format.outputExtension());
    }
}
