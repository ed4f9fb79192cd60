package org.newsgraph.error;

/**
 * An article is longer than the NLP takes for one article: a book, a feed or a scraping accident
 * rather than a news article. The server answers it with HTTP 413; splitting it, or a higher
 * limit, lets it through.
 */
public class ArticleTooLongException extends BadInputException {
    public ArticleTooLongException(String message) {
        super(message);
    }
}
