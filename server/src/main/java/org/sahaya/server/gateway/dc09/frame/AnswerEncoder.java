package org.sahaya.server.gateway.dc09.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.sahaya.core.dc09.Dc09Envelope;

/** Writes an answer as a DC-09 frame stamped with our time. */
@Sharable
public final class AnswerEncoder extends MessageToByteEncoder<Dc09Answer> {

    private final Clock clock;

    public AnswerEncoder(Clock clock) {
        super(Dc09Answer.class);
        this.clock = clock;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Dc09Answer answer, ByteBuf out) {
        out.writeCharSequence(Dc09Envelope.wrap(answer.text(clock.instant())), StandardCharsets.ISO_8859_1);
    }
}
