package dev.signalbox.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchAgentIntegrationTests {

    @Test
    void aChildJvmExitsWhenItsLauncherDies(@TempDir Path directory) throws Exception {
        Path agentJar = ParentWatchJar.write(directory);
        // stands in for the launcher: a process we can kill while the "child" watches it
        Process launcher = new ProcessBuilder("sleep", "120").start();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-javaagent:" + agentJar + "=" + launcher.pid(),
                "-cp", System.getProperty("java.class.path"), OrphanSleeper.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(child.waitFor(2, TimeUnit.SECONDS)).as("child keeps running while its launcher lives").isFalse();

            launcher.destroyForcibly().waitFor();

            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child exits after its launcher died").isTrue();
            assertThat(new String(child.getInputStream().readAllBytes())).contains("Launcher process is gone");
        } finally {
            launcher.destroyForcibly();
            child.destroyForcibly();
        }
    }
}
