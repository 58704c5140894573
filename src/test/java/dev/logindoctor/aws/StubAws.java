package dev.logindoctor.aws;

import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpReply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/** An AWS service answered in-process by a test (made-up credentials; nothing leaves the JVM). */
final class StubAws {
    /** A test's answer to one call: the JSON body of a 200. */
    interface Answer {
        String body(HttpCall call) throws IOException;
    }

    private StubAws() {
    }

    static AwsJsonApi api(AwsJsonApi.Service service, Answer answer) {
        return sending(service, call -> {
            try {
                return HttpReply.of(200, "application/x-amz-json-1.0", answer.body(call));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static AwsJsonApi sending(AwsJsonApi.Service service, AwsJsonApi.Sender sender) {
        Map<String, String> settings = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "stub", "AWS_SECRET_ACCESS_KEY", "stub");
        return new AwsJsonApi(service, sender, AwsAccount.fromSettings(settings::get), Clock.systemUTC());
    }
}
