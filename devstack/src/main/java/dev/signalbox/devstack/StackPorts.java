package dev.signalbox.devstack;

import dev.signalbox.embedded.FreePort;

/** The loopback ports of one local stack. */
public record StackPorts(
        int postgres,
        int kafka,
        int redis,
        int smtp,
        int panel,
        int nodeAdmin,
        int listener,
        int target1,
        int target2) {

    /** Fixed ports of {@code ./run-local}, chosen not to clash with a developer's own services. */
    public static StackPorts standard() {
        return new StackPorts(15432, 19092, 16379, 2525, 8080, 9000, 8000, 8101, 8102);
    }

    /** Free ports, so tests can run beside a running local stack. */
    public static StackPorts free() {
        return new StackPorts(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(),
                FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick());
    }
}
