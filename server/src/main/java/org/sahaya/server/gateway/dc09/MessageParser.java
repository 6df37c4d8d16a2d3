package org.sahaya.server.gateway.dc09;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.sahaya.server.gateway.dc09.FrameCodec.BadFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the data (SIA-DCS events, a Contact ID event, or nothing for NULL) and the timestamp; bad content gets NAK. */
@Sharable
final class MessageParser extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageParser.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof AccountFrame in) || in.inner() == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        Dc09Message message;
        try {
            message = MessageReader.read(in.frame(), in.account(), in.inner());
        } catch (BadFrame e) {
            LOG.debug("DC-09 message of account {} refused: {}", in.frame().account(), e.getMessage());
            ctx.writeAndFlush(new Dc09Answer.Nak(e.getMessage()));
            return;
        }
        ctx.fireChannelRead(message);
    }
}
