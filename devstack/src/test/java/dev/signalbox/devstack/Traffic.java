package dev.signalbox.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/** Requests through a gateway listener to one load balancer's host name, as a client would send them. */
final class Traffic {

    static final String TARGET_1 = DemoTargets.greetingOf(1);
    static final String TARGET_2 = DemoTargets.greetingOf(2);

    private final ListenerClient client;
    private final String host;

    Traffic(int listenerPort, String host) {
        this.client = new ListenerClient(listenerPort, Duration.ofSeconds(5));
        this.host = host;
    }

    /** Over TLS to an HTTPS listener, naming {@code host} in SNI and trusting only what {@code tls} trusts. */
    Traffic(int listenerPort, String host, SSLContext tls) {
        this.client = new ListenerClient(listenerPort, Duration.ofSeconds(5), tls);
        this.host = host;
    }

    /** The body of a 200 answer, or a short description of anything else. */
    String request() {
        try {
            ListenerClient.Reply reply = client.get(host, "/");
            return reply.status() == 200 ? reply.body() : "HTTP " + reply.status() + " " + reply.body().strip();
        } catch (IOException e) {
            return "no answer: " + e.getMessage();
        }
    }

    List<String> send(int count) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(request());
        }
        return answers;
    }

    /**
     * Sends requests until {@code streak} answers in a row match; returns {@link System#nanoTime()}
     * of the first answer of that streak. Fails after {@code timeout}, showing the last answers.
     */
    long awaitStreak(Predicate<String> matches, int streak, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Deque<String> recent = new ArrayDeque<>();
        int run = 0;
        long runStarted = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            String answer = request();
            recent.addLast(answer.strip());
            if (recent.size() > 6) {
                recent.removeFirst();
            }
            if (matches.test(answer)) {
                if (run == 0) {
                    runStarted = sent;
                }
                if (++run == streak) {
                    return runStarted;
                }
            } else {
                run = 0;
                pause();
            }
        }
        throw new AssertionError("No " + streak + " matching answers in a row from " + host + " within " + timeout
                + "; last answers: " + recent);
    }

    /** Waits until both targets have answered one after the other, so both are in rotation. */
    void awaitBothTargets(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String previous = "";
        List<String> recent = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String answer = request();
            if (recent.size() == 6) {
                recent.remove(0);
            }
            recent.add(answer.strip());
            if ((answer.equals(TARGET_1) && previous.equals(TARGET_2)) || (answer.equals(TARGET_2) && previous.equals(TARGET_1))) {
                return;
            }
            previous = answer;
            if (!answer.startsWith("Hello")) {
                pause();
            }
        }
        throw new AssertionError("Both targets never answered in turn within " + timeout + "; last answers: " + recent);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
