package dev.logindoctor.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small `--name value` / `--flag` parser: enough for our commands, no library on the cold path. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /** Thrown for a usage error; the CLI exits 2 with the message. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static Args parse(String[] argv, int from, Set<String> valueOptions, Set<String> flagOptions) {
        Args args = new Args();
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (a.startsWith("--")) {
                String name = a;
                String inline = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    inline = a.substring(eq + 1);
                }
                if (valueOptions.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageError(name + " needs a value");
                        }
                        inline = argv[++i];
                    }
                    args.values.put(name, inline);
                } else if (flagOptions.contains(name) && inline == null) {
                    args.flags.add(name);
                } else {
                    throw new UsageError("unknown option " + name);
                }
            } else {
                args.positional.add(a);
            }
        }
        return args;
    }

    String value(String name) {
        return values.get(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageError(name + " is required");
        }
        return v;
    }

    int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageError(name + " must be a whole number");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
