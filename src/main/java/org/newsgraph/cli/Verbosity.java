package org.newsgraph.cli;

import picocli.CommandLine.Option;

/** The {@code -q} and {@code -v} options every command shares, as a picocli mixin. */
final class Verbosity {

    @Option(names = {"-q", "--quiet"}, description = "Less output: errors and the closing summary only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces with errors.")
    boolean verbose;
}
