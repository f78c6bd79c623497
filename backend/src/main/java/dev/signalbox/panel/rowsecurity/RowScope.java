package dev.signalbox.panel.rowsecurity;

import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whose rows the database shows to the code running on this thread: one tenant's, all of them
 * (system: only for the few cross-tenant code paths) or none. Connections taken from the pool
 * carry the scope in force when they are taken, so a scope is entered outside any transaction.
 */
public final class RowScope {

    /** The scope of a thread: a tenant, system, or nothing at all (tenant null and not system). */
    public record Binding(@Nullable UUID tenantId, boolean system) {

        static final Binding NONE = new Binding(null, false);
    }

    private static final ThreadLocal<Binding> CURRENT = ThreadLocal.withInitial(() -> Binding.NONE);

    private RowScope() {
    }

    /** Runs {@code work} seeing the rows of {@code tenantId} only. */
    public static <T> T tenant(UUID tenantId, Supplier<T> work) {
        return within(new Binding(tenantId, false), work);
    }

    public static void tenant(UUID tenantId, Runnable work) {
        tenant(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} seeing every tenant's rows. Only for code that cannot know the tenant yet
     * (sign-up, login, token and invitation lookups) or serves the platform (outbox relay, operator views).
     */
    public static <T> T system(Supplier<T> work) {
        return within(new Binding(null, true), work);
    }

    public static void system(Runnable work) {
        system(() -> {
            work.run();
            return null;
        });
    }

    public static Binding current() {
        return CURRENT.get();
    }

    /** Enters the scope of one tenant until the returned handle is closed (for code that throws checked exceptions). */
    public static Entered enterTenant(UUID tenantId) {
        return enter(new Binding(tenantId, false));
    }

    /** Enters the system scope until the returned handle is closed (for code that throws checked exceptions). */
    public static Entered enterSystem() {
        return enter(new Binding(null, true));
    }

    /** The scope the thread had before, restored on close. */
    public static final class Entered implements AutoCloseable {

        private final Binding previous;

        private Entered(Binding previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            CURRENT.set(previous);
        }
    }

    private static Entered enter(Binding binding) {
        Binding previous = CURRENT.get();
        if (!previous.equals(binding) && TransactionSynchronizationManager.isActualTransactionActive()) {
            // the transaction's connection keeps the scope it was taken with; a switch would be a lie
            throw new IllegalStateException("The row scope changes only outside transactions");
        }
        CURRENT.set(binding);
        return new Entered(previous);
    }

    private static <T> T within(Binding binding, Supplier<T> work) {
        try (Entered ignored = enter(binding)) {
            return work.get();
        }
    }
}
