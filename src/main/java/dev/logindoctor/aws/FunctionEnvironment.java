package dev.logindoctor.aws;

import java.util.Map;
import java.util.function.Function;

/**
 * The environment variables the template gives each function (TABLE_NAME, STATE_MACHINE_ARN,
 * EVENT_BUS_NAME, SECRET_PREFIX, TRUST_URL, RETENTION_DAYS, PROBE_RATE and PROBE_NO_VERDICT_RETRY_HOURS for
 * the probe, and STEP for a step function). A missing required one fails with its
 * name, so a template mistake shows in the first log line rather than as a null deep inside the SDK.
 */
public final class FunctionEnvironment {
    public static final String DEFAULT_TRUST_URL = "https://api.status.salesforce.com";
    public static final int DEFAULT_RETENTION_DAYS = 365;

    private final Function<String, String> lookup;

    private FunctionEnvironment(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System::getenv);
    }

    public static FunctionEnvironment of(Map<String, String> values) {
        return new FunctionEnvironment(values::get);
    }

    public String tableName() {
        return required("TABLE_NAME");
    }

    public String stateMachineArn() {
        return required("STATE_MACHINE_ARN");
    }

    public String eventBusName() {
        return required("EVENT_BUS_NAME");
    }

    /** The elimination step a step function runs (its name in StepOrder, e.g. CheckLockout). */
    public String step() {
        return required("STEP");
    }

    /** Null when unset: {@link SecretsManagerResolver} then refuses every reference (fail closed). */
    public String secretPrefix() {
        return optional("SECRET_PREFIX");
    }

    /** Where the diagnostics connection's secrets live (Intake refuses a report naming one elsewhere); null when unset. */
    public String diagnosticsSecretPrefix() {
        return optional("DIAGNOSTICS_SECRET_PREFIX");
    }

    public String trustUrl() {
        String url = optional("TRUST_URL");
        return url == null ? DEFAULT_TRUST_URL : url;
    }

    /**
     * How often the probe runs, from {@code PROBE_RATE} (the template's ProbeRate, e.g. "rate(15 minutes)"):
     * the window in which closing login hours are a risk. A cron() schedule or none: 15 minutes.
     */
    public java.time.Duration probeInterval() {
        String rate = optional("PROBE_RATE");
        java.util.regex.Matcher m = rate == null ? null
                : java.util.regex.Pattern.compile("rate\\(\\s*(\\d{1,5})\\s+(minute|minutes|hour|hours|day|days)\\s*\\)").matcher(rate.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1) {
            return java.time.Duration.ofMinutes(15);
        }
        long n = Long.parseLong(m.group(1));
        java.time.Duration d = m.group(2).startsWith("minute") ? java.time.Duration.ofMinutes(n)
                : m.group(2).startsWith("hour") ? java.time.Duration.ofHours(n) : java.time.Duration.ofDays(n);
        return d.compareTo(java.time.Duration.ofDays(7)) > 0 ? java.time.Duration.ofDays(7) : d;
    }

    /**
     * How long the probe waits before it logs in again with a credential version whose last login got
     * no verdict, from {@code PROBE_NO_VERDICT_RETRY_HOURS} (the template's ProbeNoVerdictRetryHours):
     * 1 to 168 hours; empty when unset (the probe's own default). Empty rather than the probe's
     * constant: a step function reads this class too and must not carry the probe's classes.
     */
    public java.util.Optional<java.time.Duration> probeNoVerdictRetry() {
        String hours = optional("PROBE_NO_VERDICT_RETRY_HOURS");
        if (hours == null) {
            return java.util.Optional.empty();
        }
        try {
            int value = Integer.parseInt(hours);
            if (value < 1 || value > 168) {
                throw new NumberFormatException();
            }
            return java.util.Optional.of(java.time.Duration.ofHours(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable PROBE_NO_VERDICT_RETRY_HOURS must be a whole number of hours from 1 to 168");
        }
    }

    public int retentionDays() {
        String days = optional("RETENTION_DAYS");
        if (days == null) {
            return DEFAULT_RETENTION_DAYS;
        }
        try {
            int value = Integer.parseInt(days);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable RETENTION_DAYS must be a positive whole number of days");
        }
    }

    private String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set; the template must pass it to this function");
        }
        return value;
    }

    private String optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
