package dev.logindoctor.aws;

import dev.logindoctor.model.Diagnosis;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An integration's newest diagnosis, for a GET on the intake's function URL: one Query on the
 * table (pk INTEGRATION#id, sort keys DIAG#... newest first, limit 1). The store is built on the
 * first GET, so a report's path never pays for a DynamoDB client.
 */
public final class LatestDiagnosis {
    private final Supplier<DynamoDbDiagnosisStore> storeFactory;
    private volatile DynamoDbDiagnosisStore store;

    public LatestDiagnosis(Supplier<DynamoDbDiagnosisStore> storeFactory) {
        this.storeFactory = storeFactory;
    }

    /** From the function's TABLE_NAME; retention plays no part in reading. */
    static LatestDiagnosis fromTable(String tableName) {
        return new LatestDiagnosis(() -> new DynamoDbDiagnosisStore(AwsJsonApi.inLambda(AwsJsonApi.Service.DYNAMODB), tableName, Duration.ZERO));
    }

    public Optional<Diagnosis> of(String integrationId) {
        DynamoDbDiagnosisStore current = store;
        if (current == null) {
            current = storeFactory.get();
            store = current;
        }
        return current.queryByIntegration(integrationId, 1).stream().findFirst();
    }
}
