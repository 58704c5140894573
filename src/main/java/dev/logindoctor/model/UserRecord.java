package dev.logindoctor.model;

import java.time.Instant;

/** The fields of {@code User} the steps read. Absent values are null: {@code active} null is unknown, never false. */
public record UserRecord(
        String id,
        String username,
        Boolean active,
        String profileId,
        String profileName,
        String userType,
        Instant lastPasswordChangeDate,
        Instant lastLoginDate) {
}
