package dev.logindoctor.sim;

import dev.logindoctor.model.SalesforceId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs a parsed SOQL query over an {@link OrgTables} snapshot and renders records as Salesforce REST does. */
final class SoqlEngine {
    static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final int FIELDS_FUNCTION_MAX_LIMIT = 200;

    /** A field path resolved against the schema: relationship hops, then the field. */
    private record Path(List<SObjectSchema.FieldDef> hops, List<String> hopObjects, SObjectSchema.FieldDef field) {
    }

    record Result(int totalSize, List<Map<String, Object>> records) {
    }

    private final OrgTables tables;
    private final String version;

    SoqlEngine(OrgTables tables, String version) {
        this.tables = tables;
        this.version = version;
    }

    Result run(String soql, boolean tooling) {
        SoqlQuery q = SoqlParser.parse(soql);
        SObjectSchema.ObjectDef def = SObjectSchema.object(q.object(), tooling).orElseThrow(() -> new SoqlException("INVALID_TYPE",
                "sObject type '" + q.object() + "' is not supported. If you are attempting to use a custom object, be sure to append"
                        + " the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."));
        List<Path> selected = new ArrayList<>();
        if (q.fieldsFunction() != null) {
            if (!q.fieldsFunction().equals("STANDARD") && (q.limit() == null || q.limit() > FIELDS_FUNCTION_MAX_LIMIT)) {
                throw SoqlException.malformed("The SOQL FIELDS function must have a LIMIT of at most " + FIELDS_FUNCTION_MAX_LIMIT);
            }
            if (!q.fieldsFunction().equals("CUSTOM")) {
                def.fields().stream().filter(f -> !f.type().equals("complexvalue"))
                        .forEach(f -> selected.add(new Path(List.of(), List.of(), f)));
            }
        } else {
            for (String p : q.fields()) {
                Path path = resolve(def, p);
                if (selected.stream().noneMatch(s -> same(s, path))) {
                    selected.add(path);
                }
            }
        }
        if (q.where() != null) {
            validate(def, q.where());
        }
        List<Path> orderPaths = q.orderBy().stream().map(o -> resolve(def, o.path())).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : tables.rows(def.name(), tooling)) {
            if (q.where() == null || matches(def, row, q.where())) {
                rows.add(row);
            }
        }
        if (!q.orderBy().isEmpty()) {
            rows.sort(comparator(q.orderBy(), orderPaths));
        }
        int from = q.offset() == null ? 0 : Math.min(q.offset(), rows.size());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        rows = rows.subList(from, to);
        boolean metadata = selected.stream().anyMatch(p -> p.hops().isEmpty()
                && (p.field().name().equals("Metadata") || p.field().name().equals("FullName")));
        if (tooling && metadata && rows.size() > 1) {
            throw SoqlException.malformed("When retrieving results with Metadata or FullName fields, the query qualificatio"
                    + "ns must specify no more than one row for retrieval. Result size: " + rows.size());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            out.add(render(def, row, selected, tooling));
        }
        return new Result(out.size(), out);
    }

    private static boolean same(Path a, Path b) {
        return a.field().equals(b.field()) && a.hops().equals(b.hops());
    }

    private Path resolve(SObjectSchema.ObjectDef def, String dotted) {
        String[] parts = dotted.split("\\.");
        SObjectSchema.ObjectDef current = def;
        List<SObjectSchema.FieldDef> hops = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            SObjectSchema.ObjectDef from = current;
            SObjectSchema.FieldDef rel = current.relationship(parts[i]).orElseThrow(() -> new SoqlException("INVALID_FIELD",
                    "Didn't understand relationship '" + parts[0] + "' in field path. If you are attempting to use a custom"
                            + " relationship, be sure to append the '__r' after the custom relationship name. Please reference"
                            + " your WSDL or the describe call for the appropriate names."));
            hops.add(rel);
            objects.add(rel.referenceTo());
            current = SObjectSchema.object(rel.referenceTo(), from.tooling()).orElseThrow();
        }
        SObjectSchema.ObjectDef owner = current;
        SObjectSchema.FieldDef field = current.field(parts[parts.length - 1])
                .orElseThrow(() -> SoqlException.noSuchColumn(parts[parts.length - 1], owner.name()));
        return new Path(hops, objects, field);
    }

    private void validate(SObjectSchema.ObjectDef def, SoqlQuery.Condition c) {
        switch (c) {
            case SoqlQuery.And a -> a.parts().forEach(p -> validate(def, p));
            case SoqlQuery.Or o -> o.parts().forEach(p -> validate(def, p));
            case SoqlQuery.Not n -> validate(def, n.inner());
            case SoqlQuery.Compare cmp -> checkFilter(def, cmp.path(), List.of(cmp.value()));
            case SoqlQuery.In in -> checkFilter(def, in.path(), in.values());
        }
    }

    private void checkFilter(SObjectSchema.ObjectDef def, String dotted, List<SoqlQuery.Literal> values) {
        Path p = resolve(def, dotted);
        if (!p.field().filterable()) {
            throw new SoqlException("INVALID_FIELD", "field '" + p.field().name() + "' can not be filtered in a query call");
        }
        for (SoqlQuery.Literal v : values) {
            if (p.field().type().equals("datetime") && v.kind() == SoqlQuery.Literal.Kind.STRING) {
                throw new SoqlException("INVALID_FIELD", "value of filter criterion for field '" + p.field().name()
                        + "' must be of type dateTime and should not be enclosed in quotes");
            }
        }
    }

    private boolean matches(SObjectSchema.ObjectDef def, Map<String, Object> row, SoqlQuery.Condition c) {
        return switch (c) {
            case SoqlQuery.And a -> a.parts().stream().allMatch(p -> matches(def, row, p));
            case SoqlQuery.Or o -> o.parts().stream().anyMatch(p -> matches(def, row, p));
            case SoqlQuery.Not n -> !matches(def, row, n.inner());
            case SoqlQuery.Compare cmp -> {
                Path p = resolve(def, cmp.path());
                yield compare(p.field(), value(row, p), cmp.op(), cmp.value());
            }
            case SoqlQuery.In in -> {
                Path p = resolve(def, in.path());
                Object v = value(row, p);
                boolean any = in.values().stream().anyMatch(l -> compare(p.field(), v, "=", l));
                yield in.negated() != any;
            }
        };
    }

    private static boolean compare(SObjectSchema.FieldDef field, Object value, String op, SoqlQuery.Literal lit) {
        if (lit.kind() == SoqlQuery.Literal.Kind.NULL) {
            return switch (op) {
                case "=" -> value == null;
                case "!=" -> value != null;
                default -> false;
            };
        }
        if (value == null) {
            return op.equals("!=");
        }
        int cmp;
        if (field.type().equals("id") || field.type().equals("reference")) {
            if (op.equals("=") || op.equals("!=")) {
                boolean eq = SalesforceId.same(value.toString(), lit.text());
                return op.equals("=") == eq;
            }
            cmp = value.toString().compareTo(lit.text());
        } else if (value instanceof Instant t) {
            if (lit.instant() == null) {
                return false;
            }
            cmp = t.compareTo(lit.instant());
        } else if (value instanceof Boolean b) {
            if (lit.bool() == null) {
                return false;
            }
            cmp = Boolean.compare(b, lit.bool());
        } else if (value instanceof Number n) {
            if (lit.number() == null) {
                return false;
            }
            cmp = Double.compare(n.doubleValue(), lit.number());
        } else {
            String s = value.toString();
            if (op.equals("LIKE")) {
                return like(s, lit.text());
            }
            cmp = s.compareToIgnoreCase(lit.text());
        }
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> false;
        };
    }

    private static boolean like(String value, String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(switch (c) {
                case '%' -> ".*";
                case '_' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    private Object value(Map<String, Object> row, Path p) {
        Map<String, Object> current = row;
        for (int i = 0; i < p.hops().size(); i++) {
            current = tables.byId(p.hopObjects().get(i), (String) current.get(p.hops().get(i).name()));
            if (current == null) {
                return null;
            }
        }
        return current.get(p.field().name());
    }

    @SuppressWarnings("unchecked")
    private Comparator<Map<String, Object>> comparator(List<SoqlQuery.Order> orders, List<Path> paths) {
        Comparator<Map<String, Object>> all = null;
        for (int i = 0; i < orders.size(); i++) {
            SoqlQuery.Order o = orders.get(i);
            Path p = paths.get(i);
            boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : !o.descending();
            Comparator<Object> values = (a, b) -> a instanceof String x && b instanceof String y
                    ? x.compareToIgnoreCase(y) : ((Comparable<Object>) a).compareTo(b);
            if (o.descending()) {
                values = values.reversed();
            }
            Comparator<Object> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            Comparator<Map<String, Object>> c = Comparator.comparing(r -> value(r, p), withNulls);
            all = all == null ? c : all.thenComparing(c);
        }
        return all;
    }

    private Map<String, Object> render(SObjectSchema.ObjectDef def, Map<String, Object> row, List<Path> selected, boolean tooling) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("attributes", attributes(def.name(), (String) row.get("Id"), tooling));
        for (Path p : selected) {
            Map<String, Object> target = rec;
            Map<String, Object> source = row;
            boolean broken = false;
            for (int i = 0; i < p.hops().size(); i++) {
                SObjectSchema.FieldDef hop = p.hops().get(i);
                String relName = hop.relationshipName();
                Map<String, Object> related = source == null ? null : tables.byId(p.hopObjects().get(i), (String) source.get(hop.name()));
                if (related == null) {
                    target.putIfAbsent(relName, null);
                    broken = true;
                    break;
                }
                Object existing = target.get(relName);
                Map<String, Object> nested;
                if (existing instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> cast = (Map<String, Object>) m;
                    nested = cast;
                } else {
                    nested = new LinkedHashMap<>();
                    nested.put("attributes", attributes(p.hopObjects().get(i), (String) related.get("Id"), tooling));
                    target.put(relName, nested);
                }
                target = nested;
                source = related;
            }
            if (!broken) {
                target.put(p.field().name(), format(source.get(p.field().name())));
            }
        }
        return rec;
    }

    private Map<String, Object> attributes(String type, String id, boolean tooling) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("url", "/services/data/v" + version + (tooling ? "/tooling" : "") + "/sobjects/" + type + "/" + id);
        return a;
    }

    static Object format(Object v) {
        if (v instanceof Instant t) {
            return SF_DATETIME.format(t);
        }
        return v;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
