package org.sahaya.server.gateway.dc09;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import org.sahaya.server.gateway.dc09.FrameCodec.BadFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks CRC, length and header of each frame: passes a {@link Dc09Frame} on, or answers NAK (DUH for an unknown type). */
@Sharable
final class FrameValidator extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameValidator.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg == FrameDecoder.TOO_LONG) {
            ctx.writeAndFlush(new Dc09Answer.Nak("frame too long"));
            return;
        }
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String text;
        try {
            text = bytes.toString(StandardCharsets.ISO_8859_1);
        } finally {
            bytes.release();
        }
        Dc09Frame frame;
        try {
            frame = FrameCodec.read(text);
        } catch (BadFrame e) {
            LOG.debug("DC-09 frame refused: {}", e.getMessage());
            ctx.writeAndFlush(e.frame() == null ? new Dc09Answer.Nak(e.getMessage()) : new Dc09Answer.Duh(e.frame()));
            return;
        }
        ctx.fireChannelRead(frame);
    }
}
