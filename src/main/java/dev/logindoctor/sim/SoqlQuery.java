package dev.logindoctor.sim;

import java.time.Instant;
import java.util.List;

/** A parsed SOQL query (the subset the sim serves). Field paths keep the case they were written in. */
record SoqlQuery(List<String> fields, String fieldsFunction, String object, Condition where, List<Order> orderBy,
                 Integer limit, Integer offset) {

    sealed interface Condition permits And, Or, Not, Compare, In {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** {@code op} is one of = != < <= > >= LIKE. */
    record Compare(String path, String op, Literal value) implements Condition {
    }

    record In(String path, boolean negated, List<Literal> values) implements Condition {
    }

    record Order(String path, boolean descending, Boolean nullsFirst) {
    }

    /** A literal: a quoted string, a number, a boolean, null, or an unquoted date/datetime. */
    record Literal(Kind kind, String text, Instant instant, Double number, Boolean bool) {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL, DATETIME }
    }
}
