package org.newsgraph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsgraph} command: dispatches to its subcommands and maps errors to exit codes. */
@Command(name = "newsgraph", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds a knowledge graph of political news: articles in, RDF out.",
        subcommands = {ConvertCommand.class, IngestCommand.class, QueryCommand.class, ServeCommand.class, LoadCommand.class, ResolveCommand.class, AuditCommand.class, ExportCommand.class, PushCommand.class, CompactCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Every article processed. */
    public static final int OK = 0;
    /** Some articles failed; the others were processed. */
    public static final int SOME_FAILED = 1;
    /** Bad usage or a failure that stopped the whole run. */
    public static final int ERROR = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs with messages for people going to {@code err}. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(e -> ERROR);
        return cli.execute(args);
    }
}
