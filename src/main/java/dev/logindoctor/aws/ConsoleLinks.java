package dev.logindoctor.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** AWS console addresses an admin can click from a DiagnosisCompleted event or an email. */
final class ConsoleLinks {
    private ConsoleLinks() {
    }

    /** The region of an ARN (arn:partition:service:region:account:...), or null when it names none. */
    static String region(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && parts[0].equals("arn") && parts[3].matches("[a-z]{2}(-[a-z]+)+-\\d") ? parts[3] : null;
    }

    static String execution(String region, String executionArn) {
        return base(region) + "/states/home?region=" + region + "#/v2/executions/details/" + executionArn;
    }

    /** The item's page in the DynamoDB console's item explorer, by its pk and sk. */
    static String item(String region, String tableName, Map<String, Object> item) {
        return base(region) + "/dynamodbv2/home?region=" + region + "#edit-item?itemMode=2&route=ROUTE_ITEM_EXPLORER"
                + "&table=" + encode(tableName) + "&pk=" + encode(String.valueOf(item.get("pk"))) + "&sk=" + encode(String.valueOf(item.get("sk")));
    }

    private static String base(String region) {
        return "https://" + region + ".console.aws.amazon.com";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
