package org.sahaya.server.gateway.dc09.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;

/**
 * Cuts the byte stream into {@link RawFrame}s: each ends with CR and starts with LF. A frame longer
 * than the limit is discarded up to its CR and passed on as {@link RawFrame#TOO_LONG} (answered with
 * NAK) instead of an exception, so the frames behind it in the same read are still decoded and
 * answered. Stray line ends between frames are not frames.
 */
public final class FrameDecoder extends DelimiterBasedFrameDecoder {

    public FrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes, true, false, Unpooled.wrappedBuffer(new byte[] {'\r'}));
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        Object decoded;
        try {
            decoded = super.decode(ctx, buffer);
        } catch (TooLongFrameException e) {
            return RawFrame.TOO_LONG;
        }
        if (!(decoded instanceof ByteBuf frame)) {
            return null; // no complete frame yet
        }
        try {
            while (frame.isReadable() && frame.getByte(frame.readerIndex()) == '\n') {
                frame.skipBytes(1);
            }
            return frame.isReadable() ? new RawFrame(frame.toString(StandardCharsets.ISO_8859_1)) : null;
        } finally {
            frame.release();
        }
    }
}
