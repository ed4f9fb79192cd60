package org.newsgraph.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * The type of a canned query's parameter: how a value given as text becomes an RDF term. Every
 * value is checked here and becomes one typed term, so a value can never change the shape of the
 * query it is put into.
 */
public enum ParamType {

    /** Any text, as a plain {@code xsd:string} literal. */
    STRING("string", "text") {
        @Override
        Node parse(String value) {
            return NodeFactory.createLiteralString(value);
        }
    },

    /** An absolute IRI, as an IRI term. */
    IRI("iri", "an absolute IRI, e.g. https://w3id.org/newsgraph/person/amina-rauf") {
        @Override
        Node parse(String value) {
            String iri = value.strip();
            // IRIx checks RFC 3987; these characters are checked again because a serialized query
            // writes an IRI between < and > as it is, so any of them could end the IRI early.
            if (!NOT_IN_IRI.matcher(iri).find()) {
                try {
                    IRIx parsed = IRIx.create(iri);
                    if (parsed.isAbsolute() && !parsed.hasViolations()) {
                        return NodeFactory.createURI(parsed.str());
                    }
                } catch (IRIException e) {
                    // not an IRI: rejected below
                }
            }
            throw new IllegalArgumentException();
        }
    },

    /** A calendar date {@code YYYY-MM-DD}, as an {@code xsd:date} literal. */
    DATE("date", "a date YYYY-MM-DD, e.g. 2025-02-08") {
        @Override
        Node parse(String value) {
            String date = value.strip();
            if (!DATE_FORM.matcher(date).matches()) {
                throw new IllegalArgumentException();
            }
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
            return NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate);
        }
    },

    /** A whole number, as an {@code xsd:integer} literal. */
    INTEGER("integer", "a whole number, e.g. 2") {
        @Override
        Node parse(String value) {
            String n = value.strip();
            if (!INTEGER_FORM.matcher(n).matches()) {
                throw new IllegalArgumentException();
            }
            return NodeFactory.createLiteralDT(new BigInteger(n).toString(), XSDDatatype.XSDinteger);
        }
    },

    /** A decimal number, as an {@code xsd:decimal} literal. */
    DECIMAL("decimal", "a decimal number, e.g. 0.8") {
        @Override
        Node parse(String value) {
            String n = value.strip();
            if (!DECIMAL_FORM.matcher(n).matches()) {
                throw new IllegalArgumentException();
            }
            return NodeFactory.createLiteralDT(new BigDecimal(n).toPlainString(), XSDDatatype.XSDdecimal);
        }
    },

    /** {@code true} or {@code false} (any case), as an {@code xsd:boolean} literal. */
    BOOLEAN("boolean", "true or false") {
        @Override
        Node parse(String value) {
            String b = value.strip().toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                throw new IllegalArgumentException();
            }
            return NodeFactory.createLiteralDT(b, XSDDatatype.XSDboolean);
        }
    };

    private static final Pattern NOT_IN_IRI = Pattern.compile("[\\s\\p{Cntrl}<>\"{}|^`\\\\]");
    private static final Pattern DATE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER_FORM = Pattern.compile("[+-]?\\d{1,100}");
    private static final Pattern DECIMAL_FORM = Pattern.compile("[+-]?(\\d{1,100}(\\.\\d{0,100})?|\\.\\d{1,100})");

    private final String typeName;
    private final String expected;

    ParamType(String typeName, String expected) {
        this.typeName = typeName;
        this.expected = expected;
    }

    /** The type with this name as a query header writes it ({@code string}, {@code date}, ...). */
    public static Optional<ParamType> find(String name) {
        for (ParamType t : values()) {
            if (t.typeName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The name a query header uses: {@code string}, {@code iri}, {@code date}, ... */
    public String typeName() {
        return typeName;
    }

    /** What a value of this type looks like, for error messages: "a date YYYY-MM-DD, e.g. 2025-02-08". */
    public String expected() {
        return expected;
    }

    /**
     * The RDF term for {@code value}; surrounding white space is ignored except in strings.
     *
     * @throws IllegalArgumentException when {@code value} is not of this type
     */
    abstract Node parse(String value);

    @Override
    public String toString() {
        return typeName;
    }
}
