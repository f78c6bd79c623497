package dev.signalbox.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/signalbox-devstack.jar}, run from the repository root: starts
 * the local stack on fixed ports, creates the demo data through the panel's API, prints where
 * everything is, and runs until Ctrl-C.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("signalbox.devstack.home", ".")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.standard();
        LocalStack stack = new LocalStack(ports, home, System.out);
        // registered before starting, so Ctrl-C during startup also stops what already runs
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        DemoData.DemoSetup demo;
        try {
            stack.start();
            demo = DemoData.create(stack.panelUrl(), stack.targets(), ports.listener());
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Banner.print(System.out, ports, demo);
        new CountDownLatch(1).await();
    }
}
