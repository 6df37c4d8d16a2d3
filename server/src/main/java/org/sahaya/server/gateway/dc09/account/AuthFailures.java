package org.sahaya.server.gateway.dc09.account;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;

/**
 * Failed authentications on the DC-09 receiver (an unknown or unauthorised account, a clear frame an
 * account does not allow, a body that does not decrypt), counted per account and per sender's
 * address. While either has failed too often, a failure is answered with a NAK after a delay on the
 * channel's event loop (never a sleeping thread), so guessing accounts or keys is slow. Only
 * failures pass here: a frame that authenticates is never delayed or refused by this class, from
 * whichever address (carriers put many panels behind one).
 *
 * <p>UDP senders reach the pipeline through local connections, so only the account counts for
 * them; a UDP source address can be forged anyway.
 */
public final class AuthFailures {

    /** How long a blocked account's or address's failure waits for its NAK. */
    public static final Duration DELAY = Duration.ofSeconds(2);

    private final FailureThrottle throttle;
    private final Duration delay;

    /** @param throttle failures per key; null counts nothing and answers at once */
    public AuthFailures(FailureThrottle throttle, Duration delay) {
        this.throttle = throttle;
        this.delay = delay;
    }

    /** Counts nothing: every refusal is answered at once. */
    public static AuthFailures none() {
        return new AuthFailures(null, Duration.ZERO);
    }

    /** Notes a failure of {@code account} from this connection's address and sends {@code answer}, late and as NAK if blocked. */
    public void refuse(ChannelHandlerContext ctx, String account, Dc09Answer answer) {
        if (throttle == null) {
            ctx.writeAndFlush(answer);
            return;
        }
        String byAccount = "dc09-account:" + account;
        String byAddress = ctx.channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? "dc09-address:" + inet.getAddress().getHostAddress() : null;
        boolean blocked = throttle.blocked(byAccount) || throttle.blocked(byAddress);
        throttle.failed(byAccount);
        throttle.failed(byAddress);
        if (blocked) {
            ctx.executor().schedule(() -> ctx.writeAndFlush(new Dc09Answer.Nak("too many failures: try later")),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ctx.writeAndFlush(answer);
        }
    }
}
