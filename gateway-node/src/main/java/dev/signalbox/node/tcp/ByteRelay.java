package dev.signalbox.node.tcp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Relays what one side of a proxied connection reads to the other side, its peer; each side has one.
 * Both sides run on the same event loop, so no state here needs a lock.
 *
 * <p>Backpressure: a side reads only when asked, and asks again only while its peer is writable
 * (below Netty's write-buffer high water mark). When the peer's buffer fills, reading pauses until
 * the peer's {@code channelWritabilityChanged} resumes it, so at most one read batch is buffered
 * beyond the water mark, however fast one side sends and however slowly the other receives. Writes
 * use the void promise: no allocation per chunk beyond Netty's own buffers.
 *
 * <p>Also relays the connections of an HTTP listener that switched protocols (WebSocket).
 *
 * <p>Half-close: a FIN from one side is passed on as a FIN to the other once everything read before
 * it is written; the other direction keeps flowing. When both directions have ended, or either side
 * closes or fails, both sides are closed, the survivor after receiving what was read for it.
 */
public final class ByteRelay extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ByteRelay.class);

    private final Channel peer;
    /** Bytes read from this side, for the connection's metrics. */
    private long relayedBytes;

    public ByteRelay(Channel peer) {
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            // the end marker an HTTP codec emits as a connection switches protocols: not bytes to relay
            ReferenceCountUtil.release(msg);
            return;
        }
        relayedBytes += bytes.readableBytes();
        if (peer.isActive()) {
            peer.write(msg, peer.voidPromise());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Bytes this side has read so far; read it on the connection's event loop. */
    long relayedBytes() {
        return relayedBytes;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        if (peer.isWritable()) {
            readMore(ctx.channel());
        }
        // else the peer's writability change resumes reading
    }

    /** This side's buffer drained below the low water mark: its peer may read again. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            readMore(peer);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            forwardFin(ctx.channel());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closeAfterFlush(peer);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // resets and broken pipes are the normal end of many connections
        log.debug("Closing proxied connection {}: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    /** This side sent its FIN: pass it on after the bytes before it, and close both once both are done. */
    private void forwardFin(Channel self) {
        if (!peer.isActive()) {
            self.close();
            return;
        }
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                self.close();
                return;
            }
            ((DuplexChannel) peer).shutdownOutput().addListener((ChannelFutureListener) shut -> {
                // this side's output is shut when the peer's FIN came first: both directions have ended
                if (!shut.isSuccess() || ((DuplexChannel) self).isOutputShutdown()) {
                    self.close();
                    peer.close();
                }
            });
        });
    }

    private static void readMore(Channel channel) {
        if (channel.isActive() && !((DuplexChannel) channel).isInputShutdown()) {
            channel.read();
        }
    }

    private static void closeAfterFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
