package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line of the spark-submit entry point; nothing here starts Spark. */
class SparkConvertTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SparkConvert.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingOutputIsAnErrorWithTheUsage() {
        assertEquals(SparkConvert.ERROR, run("in/"));
        assertTrue(errors().contains("--output DIR is required"), errors());
        assertTrue(errors().contains("Usage: spark-submit --class org.newsgraph.spark.SparkConvert"), errors());
    }

    @Test
    void unknownOptionOrBadValueIsAnError() {
        assertEquals(SparkConvert.ERROR, run("--output", "out", "--shards", "3", "in/"));
        assertTrue(errors().contains("unknown option --shards"), errors());
        assertEquals(SparkConvert.ERROR, run("--output", "out", "--partitions", "many", "in/"));
        assertTrue(errors().contains("--partitions needs a whole number, not 'many'"), errors());
        assertEquals(SparkConvert.ERROR, run("--output", "out", "--partitions", "0", "in/"));
        assertTrue(errors().contains("partitions must be at least 1"), errors());
        assertEquals(SparkConvert.ERROR, run("--output", "out", "--base", "http://example.org/x", "in/"));
        assertTrue(errors().contains("base IRI must end in '/' or '#'"), errors());
        assertEquals(SparkConvert.ERROR, run("--output", "out"));
        assertTrue(errors().contains("no INPUT path given"), errors());
        assertEquals(SparkConvert.ERROR, run("--output", "out", "--profile", "fastest", "in/"));
        assertTrue(errors().contains("--profile: unknown profile 'fastest': use one of fast, accurate"), errors());
    }

    @Test
    void helpAsksForNoJob() {
        assertNull(SparkConvert.parse(new String[] {"--output", "out", "--help"}));
    }

    @Test
    void optionValueMissingAtTheEndIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkConvert.parse(new String[] {"in/", "--output"}));
        assertEquals("--output needs a value", e.getMessage());
    }
}
