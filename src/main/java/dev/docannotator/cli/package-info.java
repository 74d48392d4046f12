/** The command line: {@code annotate} (in-process or against a server) and {@code serve}. */
package dev.docannotator.cli;
