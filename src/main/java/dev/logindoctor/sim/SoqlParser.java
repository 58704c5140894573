package dev.logindoctor.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the SOQL subset: field lists with relationship paths or FIELDS(ALL|STANDARD|CUSTOM);
 * WHERE with = != &lt;&gt; &lt; &lt;= &gt; &gt;= LIKE, [NOT] IN (...), AND/OR/NOT and parentheses; string
 * literals with backslash escapes; unquoted date and datetime literals; ORDER BY ... ASC|DESC
 * [NULLS FIRST|LAST]; LIMIT; OFFSET. Keywords are case-insensitive.
 */
final class SoqlParser {
    private final List<Token> tokens;
    private int pos;

    private record Token(Type type, String text) {
        enum Type { WORD, STRING, NUMBER, DATETIME, PUNCT, END }

        boolean is(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private SoqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw SoqlException.malformed("A query must be specified");
        }
        return new SoqlParser(tokenize(soql)).query();
    }

    private SoqlQuery query() {
        expectWord("SELECT");
        List<String> fields = new ArrayList<>();
        String function = null;
        if (peek().is("FIELDS") && tokens.get(pos + 1).text().equals("(")) {
            next();
            expectPunct("(");
            Token kind = next();
            if (kind.type() != Token.Type.WORD || !List.of("ALL", "STANDARD", "CUSTOM").contains(kind.text().toUpperCase(Locale.ROOT))) {
                throw unexpected(kind);
            }
            function = kind.text().toUpperCase(Locale.ROOT);
            expectPunct(")");
        } else {
            do {
                fields.add(path());
            } while (acceptPunct(","));
        }
        expectWord("FROM");
        Token object = next();
        if (object.type() != Token.Type.WORD) {
            throw unexpected(object);
        }
        SoqlQuery.Condition where = null;
        if (acceptWord("WHERE")) {
            where = orExpr();
        }
        List<SoqlQuery.Order> order = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                String p = path();
                boolean desc = false;
                if (acceptWord("DESC")) {
                    desc = true;
                } else {
                    acceptWord("ASC");
                }
                Boolean nullsFirst = null;
                if (acceptWord("NULLS")) {
                    if (acceptWord("FIRST")) {
                        nullsFirst = true;
                    } else {
                        expectWord("LAST");
                        nullsFirst = false;
                    }
                }
                order.add(new SoqlQuery.Order(p, desc, nullsFirst));
            } while (acceptPunct(","));
        }
        Integer limit = null;
        Integer offset = null;
        if (acceptWord("LIMIT")) {
            limit = integer();
        }
        if (acceptWord("OFFSET")) {
            offset = integer();
        }
        if (peek().type() != Token.Type.END) {
            throw unexpected(peek());
        }
        return new SoqlQuery(fields, function, object.text(), where, order, limit, offset);
    }

    private int integer() {
        Token t = next();
        if (t.type() != Token.Type.NUMBER || t.text().contains(".")) {
            throw unexpected(t);
        }
        return Integer.parseInt(t.text());
    }

    private String path() {
        Token t = next();
        if (t.type() != Token.Type.WORD || isReserved(t.text())) {
            throw unexpected(t);
        }
        return t.text();
    }

    private SoqlQuery.Condition orExpr() {
        List<SoqlQuery.Condition> parts = new ArrayList<>();
        parts.add(andExpr());
        while (acceptWord("OR")) {
            parts.add(andExpr());
        }
        return parts.size() == 1 ? parts.getFirst() : new SoqlQuery.Or(parts);
    }

    private SoqlQuery.Condition andExpr() {
        List<SoqlQuery.Condition> parts = new ArrayList<>();
        parts.add(factor());
        while (acceptWord("AND")) {
            parts.add(factor());
        }
        return parts.size() == 1 ? parts.getFirst() : new SoqlQuery.And(parts);
    }

    private SoqlQuery.Condition factor() {
        if (acceptWord("NOT")) {
            return new SoqlQuery.Not(factor());
        }
        if (acceptPunct("(")) {
            SoqlQuery.Condition inner = orExpr();
            expectPunct(")");
            return inner;
        }
        String field = path();
        if (acceptWord("NOT")) {
            expectWord("IN");
            return new SoqlQuery.In(field, true, list());
        }
        if (acceptWord("IN")) {
            return new SoqlQuery.In(field, false, list());
        }
        if (acceptWord("LIKE")) {
            return new SoqlQuery.Compare(field, "LIKE", literal());
        }
        Token op = next();
        if (op.type() != Token.Type.PUNCT || !List.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
            throw unexpected(op);
        }
        return new SoqlQuery.Compare(field, op.text().equals("<>") ? "!=" : op.text(), literal());
    }

    private List<SoqlQuery.Literal> list() {
        expectPunct("(");
        List<SoqlQuery.Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (acceptPunct(","));
        expectPunct(")");
        return values;
    }

    private SoqlQuery.Literal literal() {
        Token t = next();
        return switch (t.type()) {
            case STRING -> new SoqlQuery.Literal(SoqlQuery.Literal.Kind.STRING, t.text(), null, null, null);
            case NUMBER -> new SoqlQuery.Literal(SoqlQuery.Literal.Kind.NUMBER, t.text(), null, Double.parseDouble(t.text()), null);
            case DATETIME -> new SoqlQuery.Literal(SoqlQuery.Literal.Kind.DATETIME, t.text(), instant(t.text()), null, null);
            case WORD -> {
                if (t.is("TRUE") || t.is("FALSE")) {
                    yield new SoqlQuery.Literal(SoqlQuery.Literal.Kind.BOOLEAN, t.text(), null, null, t.is("TRUE"));
                }
                if (t.is("NULL")) {
                    yield new SoqlQuery.Literal(SoqlQuery.Literal.Kind.NULL, t.text(), null, null, null);
                }
                throw unexpected(t);
            }
            default -> throw unexpected(t);
        };
    }

    private static Instant instant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw SoqlException.malformed("line 1:0 no viable alternative at character '" + text + "'");
        }
    }

    private static boolean isReserved(String word) {
        return List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "ORDER", "BY", "LIMIT", "OFFSET", "IN", "LIKE", "NULL",
                "TRUE", "FALSE", "ASC", "DESC", "NULLS").contains(word.toUpperCase(Locale.ROOT));
    }

    // ---- token helpers -----------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Token.Type.END) {
            pos++;
        }
        return t;
    }

    private boolean acceptWord(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptPunct(String p) {
        if (peek().type() == Token.Type.PUNCT && peek().text().equals(p)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw unexpected(peek());
        }
    }

    private void expectPunct(String p) {
        if (!acceptPunct(p)) {
            throw unexpected(peek());
        }
    }

    private static SoqlException unexpected(Token t) {
        return SoqlException.malformed(t.type() == Token.Type.END ? "unexpected end of query" : "unexpected token: '" + t.text() + "'");
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(i + 1);
                        b.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                        i += 2;
                    } else if (d == '\'') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw SoqlException.malformed("unterminated string literal");
                }
                out.add(new Token(Token.Type.STRING, b.toString()));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || ".:+-".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                String text = s.substring(i, j);
                boolean date = text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?");
                if (!date && !text.matches("-?\\d+(\\.\\d+)?")) {
                    throw SoqlException.malformed("unexpected token: '" + text + "'");
                }
                out.add(new Token(date ? Token.Type.DATETIME : Token.Type.NUMBER, text));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Token.Type.WORD, s.substring(i, j)));
                i = j;
            } else if ("(),".indexOf(c) >= 0) {
                out.add(new Token(Token.Type.PUNCT, String.valueOf(c)));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<>")) {
                    out.add(new Token(Token.Type.PUNCT, two));
                    i += 2;
                } else if (c == '!') {
                    throw SoqlException.malformed("unexpected token: '!'");
                } else {
                    out.add(new Token(Token.Type.PUNCT, String.valueOf(c)));
                    i++;
                }
            } else {
                throw SoqlException.malformed("line 1:" + i + " no viable alternative at character '" + c + "'");
            }
        }
        out.add(new Token(Token.Type.END, ""));
        return out;
    }
}
