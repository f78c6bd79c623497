package dev.signalbox.node.forwarding;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Sets up each connection accepted on an HTTP listener port: TLS first on a secured port, then
 * the HTTP/1.1 codec and the {@link ClientConnection} answering its requests. A keep-alive
 * connection that sends nothing for {@value #IDLE_SECONDS} s between requests is closed, as ALB
 * closes idle connections after its default idle timeout.
 */
final class HttpListenerInitializer extends ChannelInitializer<Channel> {

    static final String CODEC = "http";
    static final String IDLE = "idle";
    static final int IDLE_SECONDS = 60;

    private final ForwardingContext context;
    private final int port;
    private final @Nullable Supplier<ChannelHandler> tls;
    private final ChannelGroup connections;

    /**
     * @param tls         makes each connection's TLS handler; null for a port served in clear
     * @param connections where accepted connections are tracked, so stopping the port can wait for them
     */
    HttpListenerInitializer(ForwardingContext context, int port, @Nullable Supplier<ChannelHandler> tls,
            ChannelGroup connections) {
        this.context = context;
        this.port = port;
        this.tls = tls;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel channel) {
        connections.add(channel);
        if (tls != null) {
            channel.pipeline().addLast(tls.get());
        }
        channel.pipeline()
                .addLast(IDLE, new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS))
                .addLast(CODEC, new HttpServerCodec())
                .addLast(new ClientConnection(context, port, tls != null));
    }
}
