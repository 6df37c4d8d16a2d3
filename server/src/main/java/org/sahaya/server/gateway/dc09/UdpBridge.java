package org.sahaya.server.gateway.dc09;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DC-09 over UDP through the very pipeline TCP uses: each sender gets its own in-VM (Netty local)
 * connection into a {@link Dc09Pipeline}, its datagrams go in as bytes, and every answer goes back
 * to it as a datagram. The pipeline's idle timeout closes a quiet sender's connection. Beyond
 * {@link #MAX_SENDERS} at once, datagrams of new senders are dropped unanswered (a flood of spoofed
 * source addresses must not make us an amplifier); their panels retransmit.
 */
final class UdpBridge extends SimpleChannelInboundHandler<DatagramPacket> {

    static final int MAX_SENDERS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UdpBridge.class);

    private final Bootstrap local;
    private final LocalAddress pipeline;
    private final ConcurrentMap<InetSocketAddress, ChannelFuture> senders = new ConcurrentHashMap<>();

    /**
     * @param local    a bootstrap for local channels (group and channel type set)
     * @param pipeline where the local server with the DC-09 pipeline listens
     */
    UdpBridge(Bootstrap local, LocalAddress pipeline) {
        this.local = local;
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress sender = packet.sender();
        ChannelFuture link = senders.get(sender);
        if (link == null) {
            if (senders.size() >= MAX_SENDERS) {
                LOG.debug("DC-09 over UDP: {} senders at once, datagram dropped", MAX_SENDERS);
                return;
            }
            link = connect(ctx.channel(), sender);
            senders.put(sender, link);
        }
        // A datagram is one whole frame: one that lacks its closing CR gets it, so it cannot merge with the next.
        ByteBuf content = packet.content();
        ByteBuf bytes = content.isReadable() && content.getByte(content.writerIndex() - 1) == '\r'
                ? content.retain()
                : Unpooled.wrappedBuffer(content.retain(), Unpooled.wrappedBuffer(new byte[] {'\r'}));
        ChannelFuture connected = link;
        connected.addListener(f -> {
            if (f.isSuccess()) {
                connected.channel().writeAndFlush(bytes);
            } else {
                bytes.release();
            }
        });
    }

    private ChannelFuture connect(Channel udp, InetSocketAddress sender) {
        ChannelFuture link = local.clone().handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object answer) {
                udp.writeAndFlush(new DatagramPacket((ByteBuf) answer, sender));
            }
        }).connect(pipeline);
        link.channel().closeFuture().addListener(closed -> senders.remove(sender, link));
        return link;
    }

    int senders() {
        return senders.size();
    }
}
