package org.sahaya.server.gateway.dc09;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.Dc09Config;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.dc09.account.AccountResolver;
import org.sahaya.server.gateway.dc09.account.Accounts;
import org.sahaya.server.gateway.dc09.account.AuthFailures;
import org.sahaya.server.gateway.dc09.account.Decryptor;
import org.sahaya.server.gateway.dc09.frame.AnswerEncoder;
import org.sahaya.server.gateway.dc09.frame.FrameDecoder;
import org.sahaya.server.gateway.dc09.frame.FrameValidator;
import org.sahaya.server.gateway.dc09.intake.KnownAlerts;
import org.sahaya.server.gateway.dc09.intake.MessageIntake;
import org.sahaya.server.gateway.dc09.intake.TimestampWindow;
import org.sahaya.server.gateway.dc09.message.MessageParser;

/**
 * The handlers of one DC-09 connection, in order: frames (CR-delimited, size-limited), answers out,
 * idle timeout (it sits after the frame decoder, so only complete frames count as activity),
 * back-pressure, validation (CRC, length, header), account, decryption, message, answer. The same
 * for a TCP connection and for a UDP sender's local connection ({@link UdpBridge}).
 */
final class Dc09Pipeline extends ChannelInitializer<Channel> {

    /** Frames of one connection being worked on at once; a real panel waits for each answer. */
    static final int MAX_IN_FLIGHT = 64;

    private final Dc09Config config;
    private final AnswerEncoder encoder;
    private final FrameValidator validator = new FrameValidator();
    private final AccountResolver resolver;
    private final Decryptor decryptor;
    private final MessageParser parser = new MessageParser();
    private final Responder responder;

    Dc09Pipeline(Dc09Config config, Accounts accounts, KnownAlerts known, AlertReception reception,
                 DeviceActivity activity, DeviceRateLimit rateLimit, AuthFailures failures, Clock clock) {
        this.config = config;
        this.encoder = new AnswerEncoder(clock);
        this.resolver = new AccountResolver(accounts, failures);
        this.decryptor = new Decryptor(failures);
        this.responder = new Responder(new MessageIntake(reception, known, activity, rateLimit,
                new TimestampWindow(config.timestampPast(), config.timestampFuture()), clock));
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline().addLast(
                new FrameDecoder(config.maxFrameBytes()),
                encoder,
                new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                new InFlightLimit(MAX_IN_FLIGHT),
                validator,
                resolver,
                decryptor,
                parser,
                responder);
    }
}
