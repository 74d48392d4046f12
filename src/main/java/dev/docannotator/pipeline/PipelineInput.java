package dev.docannotator.pipeline;

import dev.docannotator.document.DocumentFormat;
import java.nio.file.Path;

/** A run's input document (never modified), its sniffed format, the requirement text, and where the output goes. */
public record PipelineInput(Path document, DocumentFormat format, String requirement, Path output) {
}
