package dev.logindoctor.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The CLI's account on a laptop: the SDK's default chains find the region and credentials the way
 * the AWS CLI does (environment, profiles, SSO, assumed roles; refreshed when they expire). Only the
 * CLI loads this class, so no Lambda function loads the SDK for its credentials.
 */
final class ProfileAccount implements AwsAccount {
    /** The service as the CLI calls it: this account, a transport of its own. */
    static AwsJsonApi api(AwsJsonApi.Service service) {
        return new AwsJsonApi(service, Shared.TRANSPORT::send, Shared.ACCOUNT, java.time.Clock.systemUTC());
    }

    private static final class Shared {
        static final ProfileAccount ACCOUNT = new ProfileAccount();
        static final dev.logindoctor.salesforce.HttpTransport TRANSPORT = new dev.logindoctor.salesforce.HttpTransport();
    }

    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private volatile String region;

    @Override
    public String region() {
        String known = region;
        if (known == null) {
            try {
                known = new DefaultAwsRegionProviderChain().getRegion().id();
            } catch (SdkClientException e) {
                return null;
            }
            region = known;
        }
        return known;
    }

    @Override
    public String endpoint(String serviceVariable) {
        return Settings.endpoint(Settings::environment, serviceVariable);
    }

    @Override
    public Keys keys() {
        AwsCredentials resolved;
        try {
            resolved = credentials.resolveCredentials();
        } catch (SdkClientException e) {
            return null;
        }
        return new Keys(resolved.accessKeyId(), resolved.secretAccessKey(),
                resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null);
    }
}
