package dev.logindoctor.aws;

import java.util.Map;
import java.util.function.Function;

/**
 * The region, endpoint and credentials an {@link AwsJsonApi} signs with. In Lambda they are the
 * function's environment ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}), read on every call so a restored snapshot signs with the credentials
 * Lambda gives it then; {@code AWS_ENDPOINT_URL[_SERVICE]} or the SDK's {@code aws.*} system
 * properties point a test at moto. The CLI's profiles and SSO come from {@link ProfileAccount}.
 */
interface AwsAccount {
    String region();

    /** The endpoint URL configured for this service (its own variable first, then AWS_ENDPOINT_URL), or null. */
    String endpoint(String serviceVariable);

    /** The credentials to sign with now, or null when there are none. */
    Keys keys();

    /** Credentials; toString never shows the secret key or the session token. */
    record Keys(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "Keys[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, sessionToken=<redacted>]";
        }
    }

    /** Lambda's environment, else the SDK's system properties (aws.region, aws.endpointUrl, aws.accessKeyId, …). */
    static AwsAccount fromEnvironment() {
        return fromSettings(Settings::environment);
    }

    /** Settings looked up by environment variable name (a test's map, or the environment). */
    static AwsAccount fromSettings(Function<String, String> settings) {
        return new AwsAccount() {
            @Override
            public String region() {
                return settings.apply("AWS_REGION");
            }

            @Override
            public String endpoint(String serviceVariable) {
                return Settings.endpoint(settings, serviceVariable);
            }

            @Override
            public Keys keys() {
                String id = settings.apply("AWS_ACCESS_KEY_ID");
                String secret = settings.apply("AWS_SECRET_ACCESS_KEY");
                return id == null || id.isBlank() || secret == null || secret.isBlank()
                        ? null : new Keys(id, secret, settings.apply("AWS_SESSION_TOKEN"));
            }
        };
    }

    /** Names shared by both kinds of account. */
    final class Settings {
        static final Map<String, String> PROPERTIES = Map.of("AWS_REGION", "aws.region", "AWS_ENDPOINT_URL", "aws.endpointUrl",
                "AWS_ACCESS_KEY_ID", "aws.accessKeyId", "AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey", "AWS_SESSION_TOKEN", "aws.sessionToken");

        private Settings() {
        }

        /** An environment variable, else its SDK system property. */
        static String environment(String name) {
            String value = System.getenv(name);
            return value != null && !value.isBlank() ? value : System.getProperty(PROPERTIES.getOrDefault(name, name));
        }

        static String endpoint(Function<String, String> settings, String serviceVariable) {
            String own = settings.apply(serviceVariable);
            return own != null && !own.isBlank() ? own : settings.apply("AWS_ENDPOINT_URL");
        }
    }
}
