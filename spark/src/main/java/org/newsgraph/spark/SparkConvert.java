package org.newsgraph.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.newsgraph.error.BadInputException;
import org.newsgraph.nlp.NlpProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark-submit} entry point of {@link ConvertJob}:
 *
 * <pre>
 * spark-submit --class org.newsgraph.spark.SparkConvert newsgraph-spark.jar \
 *     [--base IRI] [--profile fast|accurate] [--lexicon DIR] [--partitions N] [--gzip] --output DIR INPUT...
 * </pre>
 *
 * Exit status as {@code newsgraph convert}: 0 all converted, 1 some articles failed (the others
 * are written), 2 error.
 */
public final class SparkConvert {

    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(SparkConvert.class);

    private static final String USAGE = """
            Usage: spark-submit --class org.newsgraph.spark.SparkConvert newsgraph-spark.jar \\
                       [--base IRI] [--profile fast|accurate] [--lexicon DIR] [--partitions N] [--gzip] \\
                       --output DIR INPUT...
            Converts article files (.txt, .jsonl, folders or globs of them; local, hdfs:// or s3a://)
            to N-Quads: DIR/quads/part-NNNNN.nq, and DIR/errors/part-NNNNN.txt for what failed.
              --output DIR      folder to write; must not exist
              --base IRI        base of the minted IRIs (default: https://w3id.org/newsgraph/)
              --profile NAME    fast (default) or accurate: the CoreNLP settings, as for newsgraph convert
              --lexicon DIR     a folder of extra word lists, as for newsgraph convert (any path Spark reads)
              --partitions N    partitions to convert in (default: 4 per core)
              --gzip            write part-NNNNN.nq.gz
            Exit status: 0 all converted, 1 some articles failed (the others are written), 2 error.""";

    private SparkConvert() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ConvertJob job;
        try {
            job = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("newsgraph-spark: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        if (job == null) {
            out.println(USAGE);
            return OK;
        }
        SparkSession spark = SparkSession.builder().appName("newsgraph convert").getOrCreate();
        try {
            JobSummary summary = job.run(JavaSparkContext.fromSparkContext(spark.sparkContext()));
            report(summary, out, err);
            return summary.failures() == 0 ? OK : SOME_FAILED;
        } catch (RuntimeException e) {
            // The job could not run (an output that exists, an input that does not, ...): say
            // why in one line; Spark's driver log has the trace.
            LOG.debug("Job failed", e);
            err.println("newsgraph-spark: " + rootMessage(e));
            return ERROR;
        } finally {
            spark.stop();
        }
    }

    /** The job the arguments describe, or null when they ask for help. */
    static ConvertJob parse(String[] args) {
        ConvertJob.Builder job = ConvertJob.builder();
        List<String> inputs = new ArrayList<>();
        boolean output = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "-o", "--output" -> {
                    job.output(value(args, ++i, arg));
                    output = true;
                }
                case "--base" -> job.base(value(args, ++i, arg));
                case "--profile" -> job.profile(profile(value(args, ++i, arg)));
                case "--lexicon" -> job.lexicon(value(args, ++i, arg));
                case "--partitions" -> job.partitions(number(value(args, ++i, arg), arg));
                case "--gzip" -> job.gzip(true);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    inputs.add(arg);
                }
            }
        }
        if (!output) {
            throw new IllegalArgumentException("--output DIR is required");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no INPUT path given");
        }
        inputs.forEach(job::input);
        return job.build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static NlpProfile profile(String name) {
        try {
            return NlpProfile.named(name);
        } catch (BadInputException e) {
            throw new IllegalArgumentException("--profile: " + e.getMessage(), e);
        }
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static void report(JobSummary summary, PrintStream out, PrintStream err) {
        summary.firstFailures().forEach(f -> err.println("failed: " + f));
        if (summary.failures() > summary.firstFailures().size()) {
            err.println("... and " + (summary.failures() - summary.firstFailures().size())
                    + " more in the output's errors/ folder");
        }
        out.printf("%d %s converted, %d failed, %d quads%n", summary.articles(),
                summary.articles() == 1 ? "article" : "articles", summary.failures(), summary.quads());
    }
}
