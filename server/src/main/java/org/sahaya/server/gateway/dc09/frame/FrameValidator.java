package org.sahaya.server.gateway.dc09.frame;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.sahaya.core.dc09.Dc09Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks CRC, length and header of each frame: passes a {@link Dc09Frame} on, or answers NAK (DUH for an unknown type). */
@Sharable
public final class FrameValidator extends SimpleChannelInboundHandler<RawFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(FrameValidator.class);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RawFrame raw) {
        if (raw.tooLong()) {
            ctx.writeAndFlush(new Dc09Answer.Nak("frame too long"));
            return;
        }
        Dc09Frame frame;
        try {
            frame = FrameReader.read(raw.text());
        } catch (BadFrame e) {
            LOG.debug("DC-09 frame refused: {}", e.getMessage());
            ctx.writeAndFlush(e.frame() == null ? new Dc09Answer.Nak(e.getMessage()) : new Dc09Answer.Duh(e.frame()));
            return;
        }
        ctx.fireChannelRead(frame);
    }
}
