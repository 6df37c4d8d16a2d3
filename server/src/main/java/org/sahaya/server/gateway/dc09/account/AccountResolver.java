package org.sahaya.server.gateway.dc09.account;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the frame's account. DUH when there is none, when it is addressed to another receiver or
 * line, and when the account does not take a frame sent this way (a clear frame for an account that
 * does not allow clear text, an encrypted one for an account without a key): one answer for all,
 * so a stranger cannot tell which accounts exist. Each of these is a failed authentication
 * ({@link AuthFailures}).
 */
@Sharable
public final class AccountResolver extends SimpleChannelInboundHandler<Dc09Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolver.class);

    private final Accounts accounts;
    private final AuthFailures failures;

    public AccountResolver(Accounts accounts) {
        this(accounts, AuthFailures.none());
    }

    public AccountResolver(Accounts accounts, AuthFailures failures) {
        this.accounts = accounts;
        this.failures = failures;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Dc09Frame frame) {
        accounts.find(frame.account()).onComplete(found -> ctx.executor().execute(() -> {
            if (found.failed()) {
                LOG.warn("DC-09 account lookup failed: {}", found.cause().getClass().getSimpleName());
                ctx.writeAndFlush(new Dc09Answer.Nak("account lookup failed"));
            } else if (found.result().isEmpty() || !found.result().get().accepts(frame)
                    || !found.result().get().allows(frame)) {
                LOG.debug("DC-09 account {} unknown here", frame.account());
                failures.refuse(ctx, frame.account(), new Dc09Answer.Duh(frame));
            } else {
                ctx.fireChannelRead(new AccountFrame(frame, found.result().get()));
            }
        }));
    }
}
