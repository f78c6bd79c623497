package dev.signalbox.node.forwarding;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Sets up each connection accepted on an HTTP listener port: TLS first on a secured port, then
 * the HTTP/1.1 codec and the {@link ClientConnection} answering its requests.
 */
final class HttpListenerInitializer extends ChannelInitializer<Channel> {

    static final String CODEC = "http";

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
                .addLast(CODEC, new HttpServerCodec())
                .addLast(new ClientConnection(context, port, tls != null));
    }
}
