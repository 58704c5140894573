package dev.logindoctor.sim;

/** A login's result: a session for the user, or the rejection. {@code user} is null for unknown usernames. */
record LoginOutcome(SimUser user, Rejection rejection, String sessionId) {

    static LoginOutcome success(SimUser user, String sessionId) {
        return new LoginOutcome(user, null, sessionId);
    }

    static LoginOutcome rejected(SimUser user, Rejection rejection) {
        return new LoginOutcome(user, rejection, null);
    }

    boolean succeeded() {
        return rejection == null;
    }

    @Override
    public String toString() {
        return "LoginOutcome[" + (succeeded() ? "success" : rejection) + "]";
    }
}
