package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Dc09Envelope;
import org.sahaya.server.gateway.dc09.account.AccountKey;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.gateway.dc09.account.AccountResolver;
import org.sahaya.server.gateway.dc09.account.AuthFailures;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.account.Decryptor;
import org.sahaya.server.gateway.dc09.frame.AnswerEncoder;
import org.sahaya.server.gateway.dc09.frame.FrameDecoder;
import org.sahaya.server.gateway.dc09.frame.FrameValidator;
import org.sahaya.server.gateway.dc09.message.Dc09Event;
import org.sahaya.server.gateway.dc09.message.Dc09Message;
import org.sahaya.server.gateway.dc09.message.MessageParser;

/** The handlers before the intake, on an {@link EmbeddedChannel}: what reaches the intake, and what is answered at once. */
class Dc09PipelineTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private static final AccountKey KEY = AccountKey.of("SAHAYA-DEMO-KEY!", AccountKey.Format.ASCII);
    private static final Map<String, Dc09Account> ACCOUNTS = Map.of(
            "1001", new Dc09Account("1001", null, null, "demo-0501", null, null, true, true),
            "1002", new Dc09Account("1002", null, null, "demo-0502", null, null, false),
            "2001", new Dc09Account("2001", null, null, "demo-0501", KEY, null, true),
            "3001", new Dc09Account("3001", "9", null, "demo-0502", null, null, false, true));
    private static final String TS = "_10:00:00,01-02-2026";

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new FrameDecoder(256),
            new AnswerEncoder(Clock.fixed(NOW, ZoneOffset.UTC)),
            new FrameValidator(),
            new AccountResolver(account -> Future.succeededFuture(Optional.ofNullable(ACCOUNTS.get(account)))),
            new Decryptor(),
            new MessageParser());

    private void send(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
    }

    private String answer() {
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("an answer").isNotNull();
        try {
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }

    @Test
    void aValidFramePassesAsAMessageWithoutAnAnswerYet() {
        send(Dc09Envelope.wrap("\"ADM-CID\"0005L0#1001[#1001|1100 01 015]" + TS));

        Dc09Message message = channel.readInbound();
        assertThat(message.events()).extracting(Dc09Event::code).containsExactly("100");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void anEncryptedFrameIsDecrypted() {
        String sealed = KEY.encrypt("|#2001|Nri1/FA01]_10:00:00,01-02-2026");
        send(Dc09Envelope.wrap("\"*SIA-DCS\"0006L0#2001[" + sealed));

        Dc09Message message = channel.readInbound();
        assertThat(message.events()).extracting(Dc09Event::code).containsExactly("FA");
        assertThat(message.timestamp()).isEqualTo(NOW);
    }

    @Test
    void badCrcGetsNakWithOurTime() {
        String good = Dc09Envelope.wrap("\"NULL\"0001L0#1001[]");
        send("\n" + (good.charAt(1) == '0' ? '1' : '0') + good.substring(2));

        assertThat(answer()).endsWith("\"NAK\"0000R0L0A0[]_10:00:00,01-02-2026\r");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void unknownAccountAndWrongReceiverGetDuh() {
        send(Dc09Envelope.wrap("\"NULL\"0002L0#ABC[]"));
        send(Dc09Envelope.wrap("\"NULL\"0003R1L0#3001[]"));

        assertThat(answer()).endsWith("\"DUH\"0002L0#ABC[]\r");
        assertThat(answer()).endsWith("\"DUH\"0003R1L0#3001[]\r");
    }

    @Test
    void aMessageInTheClearToAnAccountThatDoesNotAllowItIsAnsweredAsForAnUnknownAccount() {
        send(Dc09Envelope.wrap("\"SIA-DCS\"0004L0#2001[#2001|NMA01]" + TS));
        send(Dc09Envelope.wrap("\"SIA-DCS\"0004L0#1002[#1002|NMA01]" + TS));
        send(Dc09Envelope.wrap("\"SIA-DCS\"0004L0#1003[#1003|NMA01]" + TS));

        assertThat(answer()).endsWith("\"DUH\"0004L0#2001[]\r");
        assertThat(answer()).endsWith("\"DUH\"0004L0#1002[]\r");
        assertThat(answer()).endsWith("\"DUH\"0004L0#1003[]\r");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aClearMessageWithoutATimestampGetsNak() {
        send(Dc09Envelope.wrap("\"SIA-DCS\"0004L0#1001[#1001|NMA01]"));

        assertThat(answer()).contains("\"NAK\"");
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void aBodyThatDoesNotDecryptGetsNak() {
        send(Dc09Envelope.wrap("\"*SIA-DCS\"0004L0#2001[" + "00".repeat(16)));

        assertThat(answer()).contains("\"NAK\"");
    }

    @Test
    void aTooLongFrameGetsNakAndTheFrameBehindItStillPasses() {
        send("\n" + "X".repeat(400) + "\r" + Dc09Envelope.wrap("\"NULL\"0009L0#1001[]" + TS));

        assertThat(answer()).contains("\"NAK\"");
        assertThat((Object) channel.readInbound()).isInstanceOf(Dc09Message.class);
    }

    @Test
    void aHandlerFailingOnAFrameAnswersNakAndTheConnectionLivesOn() {
        EmbeddedChannel failing = new EmbeddedChannel(new AnswerEncoder(Clock.fixed(NOW, ZoneOffset.UTC)),
                new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                        throw new IllegalStateException("a bug");
                    }
                }, new Responder(null));

        failing.writeInbound("frame");

        ByteBuf out = failing.readOutbound();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("\"NAK\"");
        out.release();
        assertThat(failing.isActive()).isTrue();
    }

    @Test
    void anAccountLookupThatFailsGetsNakSoThePanelRetries() {
        EmbeddedChannel down = new EmbeddedChannel(new FrameDecoder(256), new AnswerEncoder(Clock.fixed(NOW, ZoneOffset.UTC)),
                new FrameValidator(), new AccountResolver(account -> Future.failedFuture(new IllegalStateException("db down"))));

        down.writeInbound(Unpooled.copiedBuffer(Dc09Envelope.wrap("\"ADM-CID\"0005L0#1001[#1001|1100 01 015]"),
                StandardCharsets.ISO_8859_1));
        down.runPendingTasks();

        ByteBuf out = down.readOutbound();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("\"NAK\"").doesNotContain("ACK");
        out.release();
    }

    @Test
    void strayLineEndsAreNotFrames() {
        send("\n\r\r\n\r");

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void afterTooManyFailuresAFailureGetsALateNakButAFrameThatAuthenticatesIsNeverHeldBack() {
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));
        AuthFailures failures = new AuthFailures(throttle, Duration.ofSeconds(2));
        EmbeddedChannel carrier = new EmbeddedChannel(new FrameDecoder(256),
                new AnswerEncoder(Clock.fixed(NOW, ZoneOffset.UTC)), new FrameValidator(),
                new AccountResolver(account -> Future.succeededFuture(Optional.ofNullable(ACCOUNTS.get(account))), failures),
                new Decryptor(failures), new MessageParser()) {
            @Override
            protected java.net.SocketAddress remoteAddress0() {
                return new java.net.InetSocketAddress("203.0.113.7", 40000); // many panels behind one carrier address
            }
        };
        java.util.function.Consumer<String> send = frame -> {
            carrier.writeInbound(Unpooled.copiedBuffer(Dc09Envelope.wrap(frame), StandardCharsets.ISO_8859_1));
            carrier.runPendingTasks();
        };
        java.util.function.Supplier<String> answer = () -> {
            ByteBuf out = carrier.readOutbound();
            try {
                return out == null ? null : out.toString(StandardCharsets.ISO_8859_1);
            } finally {
                if (out != null) {
                    out.release();
                }
            }
        };

        for (int i = 1; i <= 3; i++) {
            send.accept("\"SIA-DCS\"000" + i + "L0#ABC[#ABC|NMA01]" + TS);
            assertThat(answer.get()).as("failure %d, within the allowance", i).endsWith("\"DUH\"000" + i + "L0#ABC[]\r");
        }
        send.accept("\"SIA-DCS\"0004L0#BCD[#BCD|NMA01]" + TS);
        assertThat(answer.get()).as("a blocked address's failure is not answered at once").isNull();

        send.accept("\"SIA-DCS\"0005L0#1001[#1001|NMA01]" + TS);
        assertThat((Object) carrier.readInbound()).as("an account that authenticates passes at once")
                .isInstanceOf(Dc09Message.class);

        carrier.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
        carrier.runScheduledPendingTasks();
        assertThat(answer.get()).contains("\"NAK\"");
    }
}
