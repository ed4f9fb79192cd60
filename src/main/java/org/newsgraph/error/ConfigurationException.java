package org.newsgraph.error;

/**
 * newsgraph's own set-up is broken or incomplete: the NLP models cannot be loaded, a word list
 * or a resource is missing from the build or the class path. Not the fault of one article:
 * every article would fail the same way, so a batch should not go on.
 */
public class ConfigurationException extends NewsgraphException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
