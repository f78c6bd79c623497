package dev.signalbox.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/signalbox-devstack.jar [--no-node]}, run from the repository
 * root: starts the local stack on fixed ports, creates the demo data through the panel's API, prints
 * where everything is, and runs until Ctrl-C. With {@code --no-node}, only the services and the
 * panel (see {@link LaunchOptions}).
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            LaunchOptions.usage().forEach(System.err::println);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("signalbox.devstack.home", ".")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.standard();
        LocalStack stack = new LocalStack(ports, home, System.out, options);
        // registered before starting, so Ctrl-C during startup also stops what already runs
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        try {
            stack.start();
            if (options.withNode()) {
                Banner.print(System.out, ports, DemoData.create(stack.panelUrl(), stack.targets(), ports.listener()));
            } else {
                Banner.printPanelOnly(System.out, ports, stack.kafka().bootstrapServers());
            }
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        new CountDownLatch(1).await();
    }
}
