package org.sahaya.server.gateway.dc09;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Cuts the byte stream into frames: each ends with CR and starts with LF. A frame longer than the
 * limit is discarded up to its CR and passed on as {@link #TOO_LONG} (answered with NAK) instead of
 * an exception, so the frames behind it in the same read are still decoded and answered.
 * Stray line ends between frames are not frames.
 */
final class FrameDecoder extends DelimiterBasedFrameDecoder {

    /** Stands for a frame that exceeded the limit. */
    static final Object TOO_LONG = new Object() {
        @Override
        public String toString() {
            return "frame too long";
        }
    };

    FrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes, true, false, Unpooled.wrappedBuffer(new byte[] {'\r'}));
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        Object decoded;
        try {
            decoded = super.decode(ctx, buffer);
        } catch (TooLongFrameException e) {
            return TOO_LONG;
        }
        if (decoded instanceof ByteBuf frame) {
            while (frame.isReadable() && frame.getByte(frame.readerIndex()) == '\n') {
                frame.skipBytes(1);
            }
            if (!frame.isReadable()) {
                frame.release();
                return null;
            }
        }
        return decoded;
    }
}
