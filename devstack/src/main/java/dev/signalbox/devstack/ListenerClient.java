package dev.signalbox.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * Sends HTTP/1.1 requests to a gateway listener on loopback with any {@code Host} header, as a
 * browser would for {@code http://demo.acme.lb.localhost:8000/}, or over TLS for an HTTPS listener,
 * naming the host in SNI and checking the certificate against it. (The JDK's HTTP client refuses to
 * set {@code Host}, and {@code *.localhost} names need not resolve in Java.)
 */
public final class ListenerClient {

    private final int port;
    private final Duration timeout;
    private final @Nullable SSLContext tls;

    public ListenerClient(int port, Duration timeout) {
        this(port, timeout, null);
    }

    /** @param tls for an HTTPS listener: trusts the certificates the listener should present; null for HTTP */
    public ListenerClient(int port, Duration timeout, @Nullable SSLContext tls) {
        this.port = port;
        this.timeout = timeout;
        this.tls = tls;
    }

    /** A response: status code and body text. */
    public record Reply(int status, String body) {
    }

    /** GET {@code path} with the given host name; throws IOException if nothing listens. */
    public Reply get(String host, String path) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket socket = tls == null ? plain : handshake(tls, plain, host);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** TLS over the connected socket: SNI names the host, and the certificate must be valid for it. */
    private Socket handshake(SSLContext context, Socket plain, String host) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody(in);
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                if (line.length() == 0) {
                    throw new IOException("Connection closed before a complete response");
                }
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
