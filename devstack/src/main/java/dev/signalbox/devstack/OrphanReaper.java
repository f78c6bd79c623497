package dev.signalbox.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tiny shell process that outlives a launcher killed with SIGKILL (no shutdown hook runs then)
 * and stops the native servers it left behind — PostgreSQL and Redis are separate processes — and
 * removes its data, so the next {@code ./run-local} finds its ports free. The child JVMs do not need
 * it: they watch the launcher themselves ({@link ParentWatchAgent}).
 */
final class OrphanReaper implements AutoCloseable {

    private final Process process;

    private OrphanReaper(Process process) {
        this.process = process;
    }

    /**
     * @param postmasterPidFile PostgreSQL's {@code postmaster.pid}; its first line is the server's
     *     pid (PostgreSQL detaches from the launcher, so it is not among its children)
     */
    static OrphanReaper watch(Path postmasterPidFile, Path workDirectory) {
        String others = redisChildren().stream().map(String::valueOf).collect(Collectors.joining(" "));
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done\n"
                + "pg=$(head -n 1 '" + postmasterPidFile + "' 2>/dev/null)\n"
                + "[ -n \"$pg\" ] && kill -INT \"$pg\" 2>/dev/null\n"
                + (others.isEmpty() ? "" : "kill " + others + " 2>/dev/null\n")
                + "sleep 3\n"
                + "rm -rf '" + workDirectory + "'\n";
        try {
            Process process = new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new OrphanReaper(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the orphan reaper", e);
        }
    }

    private static List<Long> redisChildren() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.contains("redis-server")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** The launcher stops everything itself: the reaper must not act on pids that may be reused. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
