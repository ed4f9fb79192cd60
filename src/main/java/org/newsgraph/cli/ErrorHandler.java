package org.newsgraph.cli;

import org.newsgraph.error.NewsgraphException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error as one line, with the stack trace only under --verbose. */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        String what = e instanceof NewsgraphException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        cli.getErr().println("newsgraph: " + what);
        if (verbose) {
            e.printStackTrace(cli.getErr());
        }
        return Main.ERROR;
    }
}
