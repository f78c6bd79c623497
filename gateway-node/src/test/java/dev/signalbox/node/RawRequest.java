package dev.signalbox.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP/1.1 request on its own connection, read until the node closes it, in the background:
 * the answer is the raw response, or empty when the connection was closed without one.
 */
final class RawRequest {

    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private RawRequest() {
    }

    static CompletableFuture<String> send(int port, String host, String path) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                answer.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                answer.completeExceptionally(e);
            } catch (IOException e) {
                // a reset is a cut connection too
                answer.complete("");
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "raw-request-" + port);
        thread.setDaemon(true);
        thread.start();
        return answer;
    }

    /** The status code of a raw response, or -1 when there is none. */
    static int status(String response) {
        return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    }
}
