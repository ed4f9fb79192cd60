package org.newsgraph.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.newsgraph.error.NewsgraphException;

/**
 * {@link AnnotatedDocument} as JSON and back, losing nothing: annotations saved once and read
 * again without the models, for tests (the golden fixtures under {@code src/test/resources/golden})
 * or to cache the slow NLP step.
 *
 * <pre>{@code
 * Files.writeString(file, AnnotatedDocumentJson.write(annotator.annotate(text, date)));
 * AnnotatedDocument again = AnnotatedDocumentJson.read(Files.readString(file));   // equals the first
 * }</pre>
 *
 * <p>Each record is an object whose keys are its components, in the record's order; an empty
 * {@link Optional} is {@code null}. The layout ({@link #pretty}) puts one key per line and any
 * value that fits in {@value #LINE} characters on one line (a token, an edge, a mention), so a
 * change in the NLP's output shows as a change of a few lines. Jena's
 * {@code org.apache.jena.atlas.json} parses and quotes strings: it comes with {@code jena-arq},
 * a dependency the project declares, where a JSON library reached only through another jar
 * could vanish with that jar's next version.
 */
public final class AnnotatedDocumentJson {

    /** Values whose one-line form is at most this long are written on one line. */
    public static final int LINE = 160;

    private AnnotatedDocumentJson() {
    }

    /** The document as pretty-printed JSON, ending with a newline. */
    public static String write(AnnotatedDocument doc) {
        return pretty(toJson(doc));
    }

    /**
     * The document written by {@link #write}.
     *
     * @throws NewsgraphException when {@code json} is not such a document; the message names the field
     */
    public static AnnotatedDocument read(String json) {
        JsonObject o;
        try {
            o = JSON.parse(json);
        } catch (JsonException e) {
            throw new NewsgraphException("not JSON: " + e.getMessage(), e);
        }
        return fromJson(o);
    }

    /** {@link #write} to a file, UTF-8. */
    public static void write(AnnotatedDocument doc, Path file) {
        try {
            Files.writeString(file, write(doc), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NewsgraphException(file + ": cannot write the annotations: " + e.getMessage(), e);
        }
    }

    /** {@link #read} from a file, UTF-8. */
    public static AnnotatedDocument read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NewsgraphException(file + ": cannot read the annotations: " + e.getMessage(), e);
        }
        try {
            return read(json);
        } catch (NewsgraphException e) {
            throw new NewsgraphException(file + ": " + e.getMessage() + " (rewrite it from the text)", e);
        }
    }

    // ---- records to JSON ----

    public static JsonObject toJson(AnnotatedDocument doc) {
        JsonObject o = new JsonObject();
        o.put("text", doc.text());
        o.put("date", doc.date().<JsonValue>map(d -> new JsonString(d.toString())).orElse(JsonNull.instance));
        o.put("sentences", array(doc.sentences(), AnnotatedDocumentJson::sentence));
        o.put("mentions", array(doc.mentions(), AnnotatedDocumentJson::mention));
        o.put("chains", array(doc.chains(), AnnotatedDocumentJson::chain));
        o.put("quotes", array(doc.quotes(), AnnotatedDocumentJson::quote));
        return o;
    }

    private static JsonObject sentence(Sentence s) {
        JsonObject o = new JsonObject();
        o.put("index", s.index());
        o.put("begin", s.begin());
        o.put("end", s.end());
        o.put("text", s.text());
        o.put("tokens", array(s.tokens(), AnnotatedDocumentJson::token));
        o.put("dependencies", array(s.dependencies(), AnnotatedDocumentJson::dependency));
        return o;
    }

    private static JsonObject token(Token t) {
        JsonObject o = new JsonObject();
        o.put("index", t.index());
        o.put("word", t.word());
        o.put("lemma", t.lemma());
        o.put("pos", t.pos());
        o.put("ner", t.ner());
        o.put("normalized", t.normalized());
        o.put("begin", t.begin());
        o.put("end", t.end());
        return o;
    }

    private static JsonObject dependency(Dependency d) {
        JsonObject o = new JsonObject();
        o.put("relation", d.relation());
        o.put("governor", d.governor());
        o.put("dependent", d.dependent());
        return o;
    }

    private static JsonObject span(Span s) {
        JsonObject o = new JsonObject();
        o.put("sentence", s.sentence());
        o.put("start", s.start());
        o.put("end", s.end());
        return o;
    }

    private static JsonObject mention(Mention m) {
        JsonObject o = new JsonObject();
        o.put("span", span(m.span()));
        o.put("type", m.type());
        o.put("text", m.text());
        o.put("normalized", m.normalized());
        o.put("begin", m.begin());
        o.put("end", m.end());
        return o;
    }

    private static JsonObject chain(CorefChain c) {
        JsonObject o = new JsonObject();
        o.put("mentions", array(c.mentions(), AnnotatedDocumentJson::corefMention));
        o.put("representative", c.representative());
        return o;
    }

    private static JsonObject corefMention(CorefMention m) {
        JsonObject o = new JsonObject();
        o.put("span", span(m.span()));
        o.put("head", m.head());
        o.put("kind", m.kind());
        o.put("text", m.text());
        return o;
    }

    private static JsonObject quote(Quote q) {
        JsonObject o = new JsonObject();
        o.put("begin", q.begin());
        o.put("end", q.end());
        o.put("text", q.text());
        o.put("speakerBegin", q.speakerBegin().<JsonValue>map(i -> JsonNumber.value(i)).orElse(JsonNull.instance));
        o.put("speakerEnd", q.speakerEnd().<JsonValue>map(i -> JsonNumber.value(i)).orElse(JsonNull.instance));
        o.put("speaker", q.speaker().<JsonValue>map(JsonString::new).orElse(JsonNull.instance));
        o.put("canonical", q.canonical().<JsonValue>map(JsonString::new).orElse(JsonNull.instance));
        return o;
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonValue> each) {
        JsonArray a = new JsonArray();
        items.forEach(item -> a.add(each.apply(item)));
        return a;
    }

    // ---- JSON to records ----

    public static AnnotatedDocument fromJson(JsonObject o) {
        Optional<LocalDate> date = optionalString(o, "date").map(d -> {
            try {
                return LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new NewsgraphException("date: not a date (yyyy-mm-dd): " + d, e);
            }
        });
        return new AnnotatedDocument(string(o, "text"), date,
                list(o, "sentences", AnnotatedDocumentJson::sentence),
                list(o, "mentions", AnnotatedDocumentJson::mention),
                list(o, "chains", AnnotatedDocumentJson::chain),
                list(o, "quotes", AnnotatedDocumentJson::quote));
    }

    private static Sentence sentence(JsonObject o) {
        return new Sentence(integer(o, "index"), integer(o, "begin"), integer(o, "end"), string(o, "text"),
                list(o, "tokens", AnnotatedDocumentJson::token),
                list(o, "dependencies", AnnotatedDocumentJson::dependency));
    }

    private static Token token(JsonObject o) {
        return new Token(integer(o, "index"), string(o, "word"), string(o, "lemma"), string(o, "pos"),
                string(o, "ner"), string(o, "normalized"), integer(o, "begin"), integer(o, "end"));
    }

    private static Dependency dependency(JsonObject o) {
        return new Dependency(string(o, "relation"), integer(o, "governor"), integer(o, "dependent"));
    }

    private static Span span(JsonObject o) {
        return new Span(integer(o, "sentence"), integer(o, "start"), integer(o, "end"));
    }

    private static Mention mention(JsonObject o) {
        return new Mention(span(object(o, "span")), string(o, "type"), string(o, "text"),
                string(o, "normalized"), integer(o, "begin"), integer(o, "end"));
    }

    private static CorefChain chain(JsonObject o) {
        return new CorefChain(list(o, "mentions", AnnotatedDocumentJson::corefMention), integer(o, "representative"));
    }

    private static CorefMention corefMention(JsonObject o) {
        return new CorefMention(span(object(o, "span")), integer(o, "head"), string(o, "kind"), string(o, "text"));
    }

    private static Quote quote(JsonObject o) {
        return new Quote(integer(o, "begin"), integer(o, "end"), string(o, "text"),
                optionalInteger(o, "speakerBegin"), optionalInteger(o, "speakerEnd"),
                optionalString(o, "speaker"), optionalString(o, "canonical"));
    }

    private static JsonValue field(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null) {
            throw new NewsgraphException("missing field \"" + key + "\" in " + JSON.toStringFlat(o));
        }
        return v;
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = field(o, key);
        if (!v.isString()) {
            throw new NewsgraphException("field \"" + key + "\" is not a string: " + v);
        }
        return v.getAsString().value();
    }

    private static int integer(JsonObject o, String key) {
        JsonValue v = field(o, key);
        if (!v.isNumber()) {
            throw new NewsgraphException("field \"" + key + "\" is not a number: " + v);
        }
        try {
            return new java.math.BigDecimal(v.getAsNumber().value().toString()).intValueExact();
        } catch (ArithmeticException e) {
            throw new NewsgraphException("field \"" + key + "\" is not an int: " + v, e);
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = field(o, key);
        if (!v.isObject()) {
            throw new NewsgraphException("field \"" + key + "\" is not an object: " + v);
        }
        return v.getAsObject();
    }

    private static Optional<String> optionalString(JsonObject o, String key) {
        return field(o, key).isNull() ? Optional.empty() : Optional.of(string(o, key));
    }

    private static Optional<Integer> optionalInteger(JsonObject o, String key) {
        return field(o, key).isNull() ? Optional.empty() : Optional.of(integer(o, key));
    }

    private static <T> List<T> list(JsonObject o, String key, Function<JsonObject, T> each) {
        JsonValue v = field(o, key);
        if (!v.isArray()) {
            throw new NewsgraphException("field \"" + key + "\" is not an array: " + v);
        }
        List<T> out = new ArrayList<>();
        for (JsonValue item : v.getAsArray()) {
            if (!item.isObject()) {
                throw new NewsgraphException("an item of \"" + key + "\" is not an object: " + item);
            }
            out.add(each.apply(item.getAsObject()));
        }
        return out;
    }

    // ---- layout ----

    /**
     * {@code value} laid out for reading and diffing: an object or array whose one-line form
     * is at most {@value #LINE} characters long on one line, others one key or item per line
     * indented by two spaces; keys in the object's order. Ends with a newline.
     */
    public static String pretty(JsonValue value) {
        StringBuilder out = new StringBuilder();
        layout(value, "", out);
        return out.append('\n').toString();
    }

    /** {@code value} on one line: {@code {"a": 1, "b": [true, null]}}. */
    public static String oneLine(JsonValue value) {
        StringBuilder out = new StringBuilder();
        flat(value, out);
        return out.toString();
    }

    private static void layout(JsonValue v, String indent, StringBuilder out) {
        String line = oneLine(v);
        if (line.length() + indent.length() <= LINE || !(v.isObject() || v.isArray())) {
            out.append(line);
            return;
        }
        String inner = indent + "  ";
        if (v.isObject()) {
            out.append("{\n");
            int n = 0;
            for (Map.Entry<String, JsonValue> e : v.getAsObject().entrySet()) {
                out.append(inner).append(quoted(e.getKey())).append(": ");
                layout(e.getValue(), inner, out);
                out.append(++n < v.getAsObject().size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else {
            out.append("[\n");
            JsonArray a = v.getAsArray();
            for (int i = 0; i < a.size(); i++) {
                out.append(inner);
                layout(a.get(i), inner, out);
                out.append(i + 1 < a.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        }
    }

    private static void flat(JsonValue v, StringBuilder out) {
        if (v.isObject()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, JsonValue> e : v.getAsObject().entrySet()) {
                out.append(sep).append(quoted(e.getKey())).append(": ");
                flat(e.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (v.isArray()) {
            out.append('[');
            String sep = "";
            for (JsonValue item : v.getAsArray()) {
                out.append(sep);
                flat(item, out);
                sep = ", ";
            }
            out.append(']');
        } else {
            out.append(JSON.toStringFlat(v));
        }
    }

    private static String quoted(String s) {
        return JSON.toStringFlat(new JsonString(s));
    }
}
