package dev.signalbox.embedded;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/** An SMTP sink (GreenMail) on loopback that keeps every message it receives, for any recipient. */
public final class EmbeddedSmtp implements AutoCloseable {

    private final GreenMail server;
    private final int port;

    private EmbeddedSmtp(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port} (0 for a free one). */
    public static EmbeddedSmtp start(int port) {
        int chosen = FreePort.orFree(port);
        GreenMail server = new GreenMail(new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new EmbeddedSmtp(server, chosen);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Messages received so far, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return List.of(server.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages have arrived; false if the timeout passed first. */
    public boolean awaitMessages(int count, Duration timeout) {
        return server.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /** Forgets all received messages. */
    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not clear received mail", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
