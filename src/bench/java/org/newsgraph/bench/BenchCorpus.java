package org.newsgraph.bench;

import java.nio.file.Path;
import java.util.List;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/** The readable articles of a benchmark set, read before any clock starts. */
final class BenchCorpus {

    static List<Article> read(Path dir) {
        return ArticleReader.create().read(List.of(dir))
                .filter(r -> r instanceof ReadResult.Success).map(r -> ((ReadResult.Success) r).article()).toList();
    }

    private BenchCorpus() {
    }
}
