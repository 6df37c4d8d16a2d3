package org.sahaya.server.gateway.dc09.account;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.sahaya.server.gateway.dc09.frame.BadFrame;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;

/**
 * Decrypts the body of an encrypted account's frame and removes its pad; a body that does not
 * decrypt gets NAK and counts as a failed authentication ({@link AuthFailures}).
 */
@Sharable
public final class Decryptor extends SimpleChannelInboundHandler<AccountFrame> {

    private final AuthFailures failures;

    public Decryptor() {
        this(AuthFailures.none());
    }

    public Decryptor(AuthFailures failures) {
        this.failures = failures;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AccountFrame in) {
        String inner;
        try {
            inner = in.frame().encrypted()
                    ? withoutPad(in.account().key().decrypt(in.frame().body()))
                    : in.frame().body();
        } catch (IllegalArgumentException | BadFrame e) {
            failures.refuse(ctx, in.frame().account(), new Dc09Answer.Nak("cannot decrypt: " + e.getMessage()));
            return;
        }
        ctx.fireChannelRead(new ClearFrame(in.frame(), in.account(), inner));
    }

    /** Removes the pad an encrypted body starts with: everything up to the first {@code |} of the data. */
    public static String withoutPad(String decrypted) {
        int close = decrypted.indexOf(']');
        int bar = decrypted.indexOf('|');
        if (close < 0) {
            throw new BadFrame("data bracket not closed");
        }
        return bar >= 0 && bar < close ? decrypted.substring(bar + 1) : decrypted.substring(close);
    }
}
