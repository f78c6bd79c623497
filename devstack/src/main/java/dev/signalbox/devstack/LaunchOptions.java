package dev.signalbox.devstack;

import java.util.List;

/**
 * The launcher's command-line options. {@code --no-node} starts the services and the panel only,
 * for running a gateway node of one's own: from the IDE, or pinned to a core by the benchmark.
 *
 * @param withNode whether the stack starts a gateway node, the demo targets and the demo data
 */
public record LaunchOptions(boolean withNode) {

    static final String NO_NODE = "--no-node";

    public static LaunchOptions parse(String... args) {
        boolean withNode = true;
        for (String arg : args) {
            if (NO_NODE.equals(arg)) {
                withNode = false;
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + "; the only option is " + NO_NODE
                        + " (services and panel only: no gateway node, demo targets or demo data)");
            }
        }
        return new LaunchOptions(withNode);
    }

    /** Printed with the error for an unknown option. */
    static List<String> usage() {
        return List.of(
                "java -jar devstack/target/signalbox-devstack.jar [" + NO_NODE + "]",
                "  " + NO_NODE + "  start Postgres, Kafka, Redis, SMTP and the panel only; run your own gateway node");
    }
}
