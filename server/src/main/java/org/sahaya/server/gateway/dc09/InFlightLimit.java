package org.sahaya.server.gateway.dc09;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;

/**
 * Back-pressure for one connection: every frame gets exactly one answer, so frames taken minus
 * answers written is the work in flight (account lookups, intake). Above the limit the connection
 * stops reading until half of it is answered; a panel that pipelines thousands of frames waits in
 * its own TCP buffer instead of in our memory.
 */
final class InFlightLimit extends ChannelDuplexHandler {

    private final int max;
    private int inFlight;

    InFlightLimit(int max) {
        this.max = max;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (++inFlight >= max) {
            ctx.channel().config().setAutoRead(false);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Dc09Answer && --inFlight <= max / 2 && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        ctx.write(msg, promise);
    }

    int inFlight() {
        return inFlight;
    }
}
