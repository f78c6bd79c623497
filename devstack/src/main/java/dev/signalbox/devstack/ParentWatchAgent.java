package dev.signalbox.devstack;

/**
 * A Java agent for the child JVMs: exits the child when the launcher's process is gone, so a killed
 * launcher leaves no panel or node behind. It is loaded from a one-class jar (see {@link
 * ParentWatchJar}) so the child's class path stays untouched; it uses nothing but the JDK.
 */
public final class ParentWatchAgent {

    private ParentWatchAgent() {
    }

    /** {@code agentArgs} is the launcher's process id. */
    public static void premain(String agentArgs) {
        long parentPid = Long.parseLong(agentArgs.trim());
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentWatchAgent::exitOrphan),
                ParentWatchAgent::exitOrphan);
    }

    private static void exitOrphan() {
        System.err.println("Launcher process is gone; shutting down");
        // exit, not halt: the application's shutdown hooks still run
        System.exit(0);
    }
}
