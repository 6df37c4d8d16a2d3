package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;

class InFlightLimitTest {

    private final InFlightLimit limit = new InFlightLimit(4);
    private final EmbeddedChannel channel = new EmbeddedChannel(limit);

    @Test
    void stopsReadingAtTheLimitAndResumesWhenHalfIsAnswered() {
        for (int i = 0; i < 4; i++) {
            channel.writeInbound("frame " + i);
        }
        assertThat(channel.config().isAutoRead()).isFalse();

        channel.writeOutbound(new Dc09Answer.Nak("one"));
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.writeOutbound(new Dc09Answer.Nak("two"));
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    void readsOnBelowTheLimit() {
        channel.writeInbound("frame");
        channel.writeOutbound(new Dc09Answer.Nak("answer"));

        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(limit.inFlight()).isZero();
    }
}
