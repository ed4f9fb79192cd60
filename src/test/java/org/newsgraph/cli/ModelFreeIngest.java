package org.newsgraph.cli;

/**
 * {@code newsgraph} with the model-free annotator of {@link IngestCommandTest}, as a program: for
 * tests that run an ingest in a child JVM and need no NLP, only the store's behaviour.
 */
public final class ModelFreeIngest {

    private ModelFreeIngest() {
    }

    public static void main(String[] args) {
        IngestCommandTest.Run run = IngestCommandTest.run(args);
        System.err.print(run.err());
        System.err.flush();
        System.exit(run.exit());
    }
}
