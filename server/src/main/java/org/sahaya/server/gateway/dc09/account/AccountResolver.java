package org.sahaya.server.gateway.dc09.account;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the frame's account: DUH when there is none (or it is addressed to another receiver or
 * line), NAK when the frame's encryption does not match the account's (an encrypted account must
 * never take a message in the clear).
 */
@Sharable
public final class AccountResolver extends SimpleChannelInboundHandler<Dc09Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolver.class);

    private final Accounts accounts;

    public AccountResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Dc09Frame frame) {
        accounts.find(frame.account()).onComplete(found -> ctx.executor().execute(() -> {
            if (found.failed()) {
                LOG.warn("DC-09 account lookup failed: {}", found.cause().getClass().getSimpleName());
                ctx.writeAndFlush(new Dc09Answer.Nak("account lookup failed"));
            } else if (found.result().isEmpty() || !found.result().get().accepts(frame)) {
                LOG.debug("DC-09 account {} unknown here", frame.account());
                ctx.writeAndFlush(new Dc09Answer.Duh(frame));
            } else if (found.result().get().encrypted() != frame.encrypted()) {
                ctx.writeAndFlush(new Dc09Answer.Nak("encryption does not match the account"));
            } else {
                ctx.fireChannelRead(new AccountFrame(frame, found.result().get()));
            }
        }));
    }
}
