package org.newsgraph.query;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;

/**
 * One parameter of a canned query, declared in the query file's header as
 * {@code # param: name : type = "default" : description}. In the query it is the variable
 * {@code ?_name}.
 *
 * <p>A parameter without a default is required and needs a non-empty value. An empty value
 * (given, or an empty default) means "not given": the variable stays unbound, so the query
 * tests {@code BOUND(?_name)}. A given value becomes one RDF term of the parameter's type.
 *
 * @param name         a name of letters and digits, starting with a letter
 * @param type         the type values are checked against
 * @param defaultValue the value used when none is given, possibly empty; empty Optional when the
 *                     parameter is required
 * @param description  what the parameter does, for people
 */
public record Parameter(String name, ParamType type, Optional<String> defaultValue, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new BadInputException("parameter name '" + name + "' must be letters and digits, starting with a letter");
        }
        defaultValue.filter(v -> !v.isEmpty()).ifPresent(v -> {
            try {
                type.parse(v);
            } catch (IllegalArgumentException e) {
                throw new NewsgraphException("parameter '" + name + "': default \"" + v + "\" is not " + type.expected());
            }
        });
    }

    /** A required parameter: it has no default. */
    public static Parameter required(String name, ParamType type, String description) {
        return new Parameter(name, type, Optional.empty(), description);
    }

    /** An optional parameter with a default, which may be empty (then the variable stays unbound). */
    public static Parameter optional(String name, ParamType type, String defaultValue, String description) {
        return new Parameter(name, type, Optional.of(defaultValue), description);
    }

    /** Whether a value must be given: the parameter has no default. */
    public boolean isRequired() {
        return defaultValue.isEmpty();
    }

    /** The query variable this parameter binds, without its {@code ?}: {@code _name}. */
    public String variable() {
        return "_" + name;
    }

    /**
     * The term {@code value} (or, when it is null or empty, the default) stands for; empty when
     * the parameter stays unbound.
     *
     * @throws NewsgraphException naming the parameter and its type when the value is not of the
     *                            type, or when a required parameter has no value
     */
    public Optional<Node> bind(String value) {
        String v = value == null || value.isEmpty() ? defaultValue.orElse("") : value;
        if (v.isEmpty() || type != ParamType.STRING && v.isBlank()) {
            if (isRequired()) {
                throw new BadInputException("parameter '" + name + "' is required: " + description
                        + " (" + type.expected() + ")");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(type.parse(v));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("parameter '" + name + "' must be " + type.expected() + ", not \""
                    + printable(v) + "\"");
        }
    }

    /** How the header writes it: {@code name : type = "default"}, without the description. */
    public String signature() {
        return name + " : " + type + defaultValue.map(d -> " = \"" + d + "\"").orElse("");
    }

    /** A value as it can be shown in one line of an error message. */
    static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\"", "\\\"");
    }
}
