package dev.logindoctor.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sobjects/{Object}/describe}: the object's fields with name, type, filterable and references. */
final class Describe {
    private Describe() {
    }

    static Map<String, Object> of(SObjectSchema.ObjectDef def, String version) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", def.name());
        d.put("label", def.label());
        d.put("labelPlural", def.label() + (def.label().endsWith("y") ? "" : "s"));
        d.put("keyPrefix", def.keyPrefix());
        d.put("custom", false);
        d.put("queryable", true);
        d.put("retrieveable", true);
        d.put("searchable", false);
        d.put("createable", false);
        d.put("updateable", def.name().equals("UserLogin"));
        d.put("deletable", false);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (SObjectSchema.FieldDef f : def.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("label", label(f.name()));
            m.put("type", f.type());
            m.put("filterable", f.filterable());
            m.put("sortable", f.filterable());
            m.put("groupable", f.type().equals("string") || f.type().equals("picklist") || f.type().equals("reference"));
            m.put("nillable", !f.name().equals("Id") && !f.type().equals("boolean"));
            m.put("length", f.type().equals("string") || f.type().equals("picklist") ? 255 : 0);
            m.put("referenceTo", f.referenceTo() == null ? List.of() : List.of(f.referenceTo()));
            m.put("relationshipName", f.relationshipName());
            m.put("custom", false);
            fields.add(m);
        }
        d.put("fields", fields);
        String base = "/services/data/v" + version + (def.tooling() ? "/tooling" : "") + "/sobjects/" + def.name();
        d.put("urls", Map.of("sobject", base, "describe", base + "/describe", "rowTemplate", base + "/{ID}"));
        return d;
    }

    private static String label(String apiName) {
        String n = apiName.endsWith("Id") && apiName.length() > 2 ? apiName.substring(0, apiName.length() - 2) + " ID" : apiName;
        return n.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
