package org.newsgraph.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.read.ArticleReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of every command that reads article files, as a picocli mixin. */
final class ReadOptions {

    @Option(names = "--max-article-size", paramLabel = "SIZE", defaultValue = "2MB", converter = Size.class,
            description = "The longest article, as a .txt file or a JSONL line: bytes, or with KB, MB or GB "
                    + "(default: ${DEFAULT-VALUE}). A longer one fails with an error naming it.")
    long maxArticleBytes = ArticleReader.DEFAULT_MAX_ARTICLE_BYTES;

    ArticleReader reader() {
        return ArticleReader.builder().maxArticleBytes(maxArticleBytes).build();
    }

    /** "2MB", "500k", "1 GB", "4096": a size in bytes, with powers of 1024. */
    static final class Size implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([kmg]?)b?");

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new TypeConversionException("'" + value + "' is not a size such as 500KB, 20MB or 1048576");
            }
            int shift = switch (m.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            return Long.parseLong(m.group(1)) << shift;
        }
    }
}
