package org.newsgraph.spark;

import org.apache.hadoop.mapred.lib.MultipleTextOutputFormat;

/**
 * Writes the job's two outputs in one pass, through Hadoop's output committer (a retried or
 * speculative task leaves no partial file): records keyed {@link #QUADS} go to
 * {@code quads/part-NNNNN.nq}, those keyed {@link #ERRORS} to {@code errors/part-NNNNN.txt}.
 * The {@code .nq} extension is what bulk loaders (tdb2.tdbloader, Virtuoso's ld_dir, ...)
 * recognise N-Quads by; with compression a codec extension such as {@code .gz} follows it.
 * Only the value is written, one record per line.
 */
public final class NQuadsOutputFormat extends MultipleTextOutputFormat<String, String> {

    static final String QUADS = "quads";
    static final String ERRORS = "errors";

    @Override
    protected String generateFileNameForKeyValue(String key, String value, String name) {
        return QUADS.equals(key) ? QUADS + "/" + name + ".nq" : ERRORS + "/" + name + ".txt";
    }

    @Override
    protected String generateActualKey(String key, String value) {
        return null;
    }
}
