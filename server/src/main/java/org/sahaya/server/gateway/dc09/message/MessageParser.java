package org.sahaya.server.gateway.dc09.message;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.sahaya.server.gateway.dc09.account.ClearFrame;
import org.sahaya.server.gateway.dc09.frame.BadFrame;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the data (SIA-DCS events, a Contact ID event, or nothing for NULL) and the timestamp; bad content gets NAK. */
@Sharable
public final class MessageParser extends SimpleChannelInboundHandler<ClearFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageParser.class);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClearFrame in) {
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
