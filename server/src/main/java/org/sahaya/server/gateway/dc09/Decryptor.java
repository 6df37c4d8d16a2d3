package org.sahaya.server.gateway.dc09;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.sahaya.server.gateway.dc09.FrameCodec.BadFrame;

/** Decrypts the body of an encrypted account's frame and removes its pad; a body that does not decrypt gets NAK. */
@Sharable
final class Decryptor extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof AccountFrame in) || in.inner() != null) {
            ctx.fireChannelRead(msg);
            return;
        }
        String inner;
        try {
            inner = in.frame().encrypted()
                    ? MessageReader.withoutPad(in.account().key().decrypt(in.frame().body()))
                    : in.frame().body();
        } catch (IllegalArgumentException | BadFrame e) {
            ctx.writeAndFlush(new Dc09Answer.Nak("cannot decrypt: " + e.getMessage()));
            return;
        }
        ctx.fireChannelRead(new AccountFrame(in.frame(), in.account(), inner));
    }
}
