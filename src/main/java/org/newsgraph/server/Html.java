package org.newsgraph.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for the HTML the server writes: every piece of data goes through here. */
final class Html {

    private Html() {
    }

    /** {@code text} safe inside an element or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code value} as a URL query parameter value. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The href of the entity page of {@code iri}, escaped for an attribute. */
    static String entityHref(String iri) {
        return escape("/entity?iri=" + param(iri));
    }
}
