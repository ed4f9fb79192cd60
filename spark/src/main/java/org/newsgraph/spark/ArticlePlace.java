package org.newsgraph.spark;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where an article stands in the order {@code convert} reads articles: the inputs in the
 * order given, files by path, articles by position in their file. The first article of an id
 * in this order keeps it; later ones fail as duplicates, as they do in {@code convert}.
 *
 * @param input    index of the input path the file was found under
 * @param path     the file's path as Spark names it
 * @param position index of the article among the file's read results
 * @param source   the article's source, for messages
 */
record ArticlePlace(int input, String path, int position, String source)
        implements Comparable<ArticlePlace>, Serializable {

    private static final Comparator<ArticlePlace> ORDER = Comparator.comparingInt(ArticlePlace::input)
            .thenComparing(ArticlePlace::path)
            .thenComparingInt(ArticlePlace::position);

    ArticlePlace {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public int compareTo(ArticlePlace other) {
        return ORDER.compare(this, other);
    }

    static ArticlePlace first(ArticlePlace a, ArticlePlace b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
