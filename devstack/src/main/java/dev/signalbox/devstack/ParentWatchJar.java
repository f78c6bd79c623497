package dev.signalbox.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the agent jar holding only {@link ParentWatchAgent}. Putting the launcher's own jar on a
 * child's agent path would drag Kafka, Postgres and more onto the child's class path.
 */
final class ParentWatchJar {

    private ParentWatchJar() {
    }

    static Path write(Path directory) {
        String classFile = ParentWatchAgent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchAgent.class.getName());
        Path jar = directory.resolve("parent-watch-agent.jar");
        try (InputStream classBytes = ParentWatchAgent.class.getClassLoader().getResourceAsStream(classFile);
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (classBytes == null) {
                throw new IllegalStateException("Class file not found: " + classFile);
            }
            out.putNextEntry(new JarEntry(classFile));
            classBytes.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + jar, e);
        }
        return jar;
    }
}
