package dev.signalbox.node.forwarding;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.signalbox.node.NodeTransport;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/** Binds HTTP listener ports, each forwarding its requests to the load balancers answering there. */
@Component
public class HttpListenerPorts {

    private final NodeTransport transport;
    private final ForwardingContext context;

    HttpListenerPorts(NodeTransport transport, ForwardingContext context) {
        this.transport = transport;
        this.context = context;
    }

    /**
     * @param tls makes the TLS handler of each connection; null to serve the port in clear
     * @throws IllegalStateException when the port cannot be bound, with the reason
     */
    public HttpListenerPort bind(String address, int port, @Nullable Supplier<ChannelHandler> tls) {
        ChannelGroup connections = new DefaultChannelGroup("http-listener-" + port, GlobalEventExecutor.INSTANCE);
        ChannelFuture bound = transport.server(new HttpListenerInitializer(context, port, tls, connections))
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TargetConnections.WATER_MARK)
                .bind(address, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot bind " + address + ":" + port + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return new HttpListenerPort(bound.channel(), connections, port);
    }
}
