package dev.logindoctor.model;

/**
 * One connected app's OAuth policies as {@code ConnectedApplication} exposes them (all read-only
 * fields). Every Boolean and Integer may be null: the field was absent or empty.
 *
 * @param adminApprovedOnly          Permitted Users is "Admin approved users are pre-authorized"
 * @param refreshTokenValidityPeriod how long a refresh token lives under the app's policy; the
 *                                   unit (hours, days, months) is not exposed on the object
 * @param refreshTokenByInactivity   true: the period counts from the token's last use; false: from issue
 */
public record ConnectedAppPolicy(String id, String name, Boolean adminApprovedOnly, Integer refreshTokenValidityPeriod,
                                 Boolean refreshTokenByInactivity) {
}
