package org.newsgraph.read;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;

/** The JSONL half of {@link ArticleParser}; see there for the rules. */
final class JsonLineParser {

    // Reading through the adapter keeps the reader's strictness; JsonParser would make it lenient.
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private JsonLineParser() {
    }

    static ReadResult parse(String line, String source, String fallbackId, LocalDate latestDate) {
        try {
            JsonObject object = object(line);
            String id = string(object, "id").orElse(fallbackId);
            Optional<String> idProblem = TextRules.idProblem(id);
            if (idProblem.isPresent()) {
                return ReadResult.failure(source, idProblem.get());
            }
            Optional<LocalDate> date = date(object);
            Optional<String> dateProblem = date.flatMap(d -> TextRules.futureProblem(d, latestDate));
            if (dateProblem.isPresent()) {
                return ReadResult.failure(source, dateProblem.get());
            }
            // A headline is one line, however the feed wrapped it.
            Optional<String> title = string(object, "title").map(t -> t.strip().replaceAll("\\s+", " "));
            Optional<String> url = string(object, "url").map(String::strip);
            String text = TextRules.normaliseBody(string(object, "text").orElse(""));
            if (text.isEmpty()) {
                return ReadResult.failure(source, object.has("text")
                        ? "empty article: field 'text' is blank" : "no text: field 'text' is missing");
            }
            Optional<String> notProse = TextRules.binaryProblem(text).or(() -> TextRules.proseProblem(text));
            if (notProse.isPresent()) {
                return ReadResult.failure(source, notProse.get());
            }
            return ReadResult.success(new Article(id, date, title, url, text, source));
        } catch (LineProblem e) {
            return ReadResult.failure(source, e.getMessage());
        }
    }

    private static JsonObject object(String line) throws LineProblem {
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            element = ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new LineProblem("malformed JSON: more than one value on the line");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new LineProblem("malformed JSON: " + describe(e.getMessage()));
        }
        if (!element.isJsonObject()) {
            throw new LineProblem("expected a JSON object, got " + kind(element));
        }
        return element.getAsJsonObject();
    }

    /** The field's string value; empty when absent, null or blank. */
    private static Optional<String> string(JsonObject object, String field) throws LineProblem {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new LineProblem("field '" + field + "' must be a string, got " + kind(value));
        }
        String s = value.getAsString();
        return TextRules.isBlank(s) ? Optional.empty() : Optional.of(s);
    }

    private static Optional<LocalDate> date(JsonObject object) throws LineProblem {
        Optional<String> value = string(object, "date").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TextRules.isoDate(value.get()).orElseThrow(() -> new LineProblem(
                "date '" + TextRules.printable(value.get()) + "' is not a valid date (expected YYYY-MM-DD)")));
    }

    private static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        } else if (e.isJsonArray()) {
            return "an array";
        } else if (e.isJsonNull()) {
            return "null";
        } else if (e.getAsJsonPrimitive().isNumber()) {
            return "a number";
        } else if (e.getAsJsonPrimitive().isBoolean()) {
            return "a boolean";
        }
        return "a string";
    }

    /** Gson's message, reworded for someone editing the file rather than calling Gson. */
    private static String describe(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Gson ends with " path $.key" and a help link on the next line; a key may hold any
        // character, line breaks included, so everything from the path on goes.
        int path = message.indexOf(" path $");
        String s = (path < 0 ? message : message.substring(0, path)).lines().findFirst().orElse("").strip();
        return TextRules.printable(s
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "syntax error")
                .replace("End of input", "unexpected end of line")
                .replace(" at line 1 column ", " at column "));
    }

    /** A reason to reject the line; checked so that every path above has to handle it. */
    private static final class LineProblem extends Exception {
        LineProblem(String message) {
            super(message, null, false, false);
        }
    }
}
