package dev.logindoctor.salesforce;

import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/** One daemon timer for every exchange's deadline: cheap to start on a cold path, never keeps the JVM alive. */
final class Deadlines {
    private Deadlines() {
    }

    private static final class Shared {
        static final Timer TIMER = new Timer("login-doctor-deadlines", true);
    }

    /** Runs {@code action} once {@code after} has passed, unless the returned task is cancelled first. */
    static TimerTask after(Duration after, Runnable action) {
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                action.run();
            }
        };
        Shared.TIMER.schedule(task, Math.max(1, after.toMillis()));
        return task;
    }
}
