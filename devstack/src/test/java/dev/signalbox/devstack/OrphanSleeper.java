package dev.signalbox.devstack;

/** A child JVM for {@link ParentWatchAgentIntegrationTests}: does nothing for a minute. */
public final class OrphanSleeper {

    private OrphanSleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(60_000);
    }
}
