package org.newsgraph.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * One article file's bytes, and the index of the input path it was found under.
 *
 * @param input index of the input path, for the order of {@link ArticlePlace}
 * @param bytes the whole file
 */
record InputFile(int input, byte[] bytes) implements Serializable {

    private static final ArticleReader READER = ArticleReader.create();

    InputFile {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** A file found under two inputs is read once, under the first, as {@code convert} does. */
    static InputFile earlier(InputFile a, InputFile b) {
        return a.input <= b.input ? a : b;
    }

    /**
     * Whether the file at {@code path} (as Spark names it) is an article file to read. Hadoop
     * has already left out files and folders whose names start with {@code .} or {@code _}.
     */
    static boolean isArticleFile(String path) {
        String name = fileName(path);
        return !name.startsWith(".") && ArticleReader.isArticleFile(name);
    }

    /** The file's read results, lazily, each with its place; {@code path} as Spark names it. */
    Iterator<Read> read(String path) {
        Iterator<ReadResult> results = READER.readFile(fileName(path), path, bytes).iterator();
        return new Iterator<>() {
            private int position;

            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public Read next() {
                ReadResult result = results.next();
                return new Read(result, new ArticlePlace(input, path, position++, result.source()));
            }
        };
    }

    /** The read results, lazily, as a stream. */
    Stream<Read> stream(String path) {
        Iterable<Read> reads = () -> read(path);
        return StreamSupport.stream(reads.spliterator(), false);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** One read result and its place. */
    record Read(ReadResult result, ArticlePlace place) {
    }
}
