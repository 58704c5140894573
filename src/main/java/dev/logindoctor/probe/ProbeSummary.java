package dev.logindoctor.probe;

import java.time.Instant;
import java.util.List;

/**
 * What one probe run did: one line per integration it reached, and the ones it left for the next
 * run (it stopped to stay inside the Lambda timeout). Nothing here is secret.
 *
 * @param notReached enabled integrations not looked at this run; having the oldest probedAt, they go first next run
 */
public record ProbeSummary(Instant startedAt, long durationMs, int enabled, List<Result> results, List<String> notReached) {

    public ProbeSummary {
        results = List.copyOf(results);
        notReached = List.copyOf(notReached);
    }

    /** @param diagnosis the diagnosis started or already known for a failing credential */
    public record Result(String integrationId, ProbeOutcome outcome, String detail, String diagnosis) {
    }

    /** Logins sent this run (each one a real attempt Salesforce counts). */
    public long loginAttempts() {
        return results.stream().filter(r -> r.outcome().loggedIn()).count();
    }

    public long count(ProbeOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public Result result(String integrationId) {
        return results.stream().filter(r -> r.integrationId().equals(integrationId)).findFirst().orElse(null);
    }
}
