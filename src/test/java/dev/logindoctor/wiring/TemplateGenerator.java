package dev.logindoctor.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the per-step parts of template.yaml from the step list (and the dashboard's cause rows
 * from the Cause enum). Each part sits between a {@code # BEGIN GENERATED <name>} and a
 * {@code # END GENERATED <name>} comment; everything outside them stays as written by hand.
 * The dashboard is generated whole: its body is one JSON string, which cannot hold a comment.
 */
final class TemplateGenerator {
    static final String HANDLER = "dev.logindoctor.aws.StepHandler::handleRequest";
    /** The steps' own build (deploy/steps/pom.xml); every other function builds from Globals' deploy/. */
    static final String STEPS_CODE_URI = "deploy/steps/";
    /** A metric-math alarm reads at most 10 metrics (a hard limit): one expression plus nine steps. */
    static final int STEPS_PER_ALARM = 9;
    private static final Pattern BEGIN = Pattern.compile("(?m)^([ \\t]*)# BEGIN GENERATED ([\\w-]+).*\\R");

    private final List<String> steps;
    private final List<String> causes;

    TemplateGenerator(List<String> steps, List<String> causes) {
        this.steps = List.copyOf(steps);
        this.causes = List.copyOf(causes);
    }

    /** The template with every generated part rewritten; fails on a part it does not know or a missing end. */
    String regenerate(String template) {
        StringBuilder out = new StringBuilder();
        Matcher begin = BEGIN.matcher(template);
        int from = 0;
        List<String> seen = new ArrayList<>();
        while (begin.find(from)) {
            String indent = begin.group(1);
            String name = begin.group(2);
            String endMarker = indent + "# END GENERATED " + name;
            int end = template.indexOf(endMarker, begin.end());
            if (end < 0) {
                throw new IllegalStateException("template.yaml: '# BEGIN GENERATED " + name + "' has no '" + endMarker.strip() + "'");
            }
            out.append(template, from, begin.end()).append(part(name, indent));
            from = end;
            seen.add(name);
        }
        out.append(template.substring(from));
        List<String> expected = List.of("step-functions", "step-function-arns", "step-invoke-permissions", "step-error-alarms", "dashboard");
        if (!seen.equals(expected)) {
            throw new IllegalStateException("template.yaml's generated parts are " + seen + "; expected " + expected + " in that order");
        }
        return out.toString();
    }

    private String part(String name, String indent) {
        List<String> lines = switch (name) {
            case "step-functions" -> functions();
            case "step-function-arns" -> steps.stream().map(s -> s + "FunctionArn: !Ref " + s + "Function.Alias").toList();
            case "step-invoke-permissions" -> steps.stream().map(s -> "- !Ref " + s + "Function.Alias").toList();
            case "step-error-alarms" -> alarms();
            case "dashboard" -> dashboard();
            default -> throw new IllegalStateException("template.yaml: no generator for the part named " + name);
        };
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
        return text.toString();
    }

    private List<String> functions() {
        List<String> lines = new ArrayList<>();
        for (String step : steps) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(List.of(
                    step + "Function:",
                    "  Type: AWS::Serverless::Function",
                    "  Properties:",
                    // StepHandler and what it references, without the AWS SDK, sim or CLI (deploy/README.md).
                    "    CodeUri: " + STEPS_CODE_URI,
                    "    Handler: " + HANDLER,
                    "    Environment:",
                    "      Variables:",
                    "        STEP: " + step,
                    // A step reads the diagnostics connection only: never an integration's credential.
                    "        SECRET_PREFIX: !Ref DiagnosticsSecretPrefix",
                    "    Policies: [!Ref DiagnosticsSecretReadPolicy]"));
        }
        return lines;
    }

    private List<String> alarms() {
        List<String> lines = new ArrayList<>();
        for (int first = 0; first < steps.size(); first += STEPS_PER_ALARM) {
            List<String> group = steps.subList(first, Math.min(first + STEPS_PER_ALARM, steps.size()));
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(List.of(
                    "StepErrorsAlarm" + (first / STEPS_PER_ALARM + 1) + ":",
                    "  Type: AWS::CloudWatch::Alarm",
                    "  Properties:",
                    "    AlarmDescription: >-",
                    "      An elimination step (" + group.get(0) + ".." + group.get(group.size() - 1) + ") threw; its finding became",
                    "      INCONCLUSIVE. See the step's log stream in the app's log group.",
                    "    ComparisonOperator: GreaterThanOrEqualToThreshold",
                    "    Threshold: 1",
                    "    EvaluationPeriods: 1",
                    "    TreatMissingData: notBreaching",
                    "    AlarmActions: [!Ref AlarmTopic]",
                    "    Metrics:",
                    "      - {Id: errors, Label: Step errors, Expression: 'SUM(METRICS())', ReturnData: true}"));
            for (int i = 0; i < group.size(); i++) {
                lines.add("      - {Id: s" + (first + i + 1) + ", ReturnData: false, MetricStat: {Period: 300, Stat: Sum, Metric: "
                        + "{Namespace: AWS/Lambda, MetricName: Errors, Dimensions: [{Name: FunctionName, Value: !Ref "
                        + group.get(i) + "Function}]}}}");
            }
        }
        return lines;
    }

    private List<String> dashboard() {
        List<String> lines = new ArrayList<>();
        for (String line : DashboardBody.TEMPLATE.lines().toList()) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            switch (line.strip()) {
                case "{{CAUSE_ROWS}}" -> rows(causes, "\"LoginDoctor\", \"Diagnoses\", \"Cause\", \"%s\"", "\"%s\"")
                        .forEach(row -> lines.add(indent + row));
                case "{{STEP_ERROR_ROWS}}" -> rows(steps, "\"AWS/Lambda\", \"Errors\", \"FunctionName\", \"${%sFunction}\"",
                        "\"${%sFunction}\"").forEach(row -> lines.add(indent + row));
                default -> lines.add(line);
            }
        }
        return lines;
    }

    /** Metric rows as CloudWatch writes them: the first names namespace, metric and dimension, the rest repeat them with ".". */
    private static List<String> rows(List<String> names, String firstRow, String nextRow) {
        List<String> rows = new ArrayList<>();
        for (String name : names) {
            String metric = rows.isEmpty() ? firstRow.formatted(name) : "\".\", \".\", \".\", " + nextRow.formatted(name);
            String comma = rows.size() + 1 < names.size() ? "," : "";
            rows.add("[" + metric + ", {\"label\": \"" + name + "\"}]" + comma);
        }
        return rows;
    }
}
