package dev.logindoctor.salesforce;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Requests that need not wait for each other (Trust beside the org's token → composite chain, and
 * the Trust lookups side by side) run on this pool of daemon threads: a diagnosis then waits for two
 * round trips instead of five. Blocking HTTP calls, a handful at a time, hence plain threads.
 */
final class Concurrently {
    static final Executor POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "login-doctor-fetch");
        t.setDaemon(true);
        return t;
    });

    private Concurrently() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, POOL);
    }

    /** The value, or the work's own unchecked exception (not wrapped), as if it had run on this thread. */
    static <T> T join(CompletableFuture<T> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new SalesforceUnavailable("interrupted while waiting for a concurrent request", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
