package org.sahaya.server.gateway.dc09;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.sahaya.server.gateway.dc09.intake.MessageIntake;
import org.sahaya.server.gateway.dc09.message.Dc09Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a readable message with what {@link MessageIntake} decided, once it decided (ACK only
 * after the alert is persisted). Also the pipeline's last word: a connection that completed no
 * frame within the idle timeout (silent, half-open or dribbling bytes) is closed.
 */
@Sharable
final class Responder extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final MessageIntake intake;

    Responder(MessageIntake intake) {
        this.intake = intake;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // The last handler: whatever reaches it unanswered still gets its one answer.
        if (!(msg instanceof Dc09Message message)) {
            ctx.writeAndFlush(new Dc09Answer.Nak("unexpected " + msg.getClass().getSimpleName()));
            return;
        }
        intake.answer(message).onComplete(decided -> {
            MessageIntake.Reply reply = decided.succeeded() ? decided.result()
                    : MessageIntake.Reply.of(new Dc09Answer.Nak("internal error"));
            ctx.writeAndFlush(reply.answer()).addListener((ChannelFutureListener) written -> {
                if (written.isSuccess()) {
                    reply.sent().run();
                }
            });
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("DC-09 connection {} idle: closing", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /** A broken connection is closed; anything else a frame caused is that frame's NAK, and the connection lives on. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("DC-09 connection {} failed: {}", ctx.channel().remoteAddress(), cause.getClass().getSimpleName());
            ctx.close();
        } else {
            if (!(cause instanceof DecoderException)) {
                LOG.warn("DC-09 frame failed unexpectedly ({}): NAK", cause.getClass().getName());
            }
            ctx.writeAndFlush(new Dc09Answer.Nak("undecodable frame"));
        }
    }
}
