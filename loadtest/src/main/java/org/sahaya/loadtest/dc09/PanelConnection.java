package org.sahaya.loadtest.dc09;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.sahaya.loadtest.run.Endpoint;

/**
 * One alarm panel's TCP connection to a DC-09 receiver, held open as monitored hubs hold theirs
 * (and opened again for the next message when the receiver closes it).
 * Frames are sent as they are due (pipelined, never waiting for the previous answer) and each
 * answer is matched to its frame by the sequence number it repeats. All bookkeeping runs on the
 * connection's own Vert.x context, so it needs no locks.
 */
final class PanelConnection {

    /** The answer counted as success by the open-loop engine (an HTTP-like 2xx). */
    static final int ACK = 200;
    /** A NAK or DUH, reported as an error kind by the engine. */
    static final int REFUSED = 409;

    private final Vertx vertx;
    private final NetClient client;
    private final Context context;
    private final Endpoint receiver;
    private final String account;
    private final Map<Integer, Promise<Integer>> waiting = new HashMap<>();
    private volatile NetSocket socket;
    private int sequence;

    private PanelConnection(Vertx vertx, NetClient client, Context context, Endpoint receiver, String account,
                            int firstSequence) {
        this.vertx = vertx;
        this.client = client;
        this.context = context;
        this.receiver = receiver;
        this.account = account;
        this.sequence = firstSequence - 1;
    }

    /** @param firstSequence where this panel's message numbers start (1..9999), so two runs do not look like retransmissions */
    /**
     * @param client shared by the panels and held for as long as they are used: Vert.x closes an
     *               unreachable client's connections when it is garbage collected
     */
    static Future<PanelConnection> open(Vertx vertx, NetClient client, Endpoint receiver, String account,
                                        int firstSequence) {
        Context context = vertx.getOrCreateContext();
        PanelConnection panel = new PanelConnection(vertx, client, context, receiver, account, firstSequence);
        Promise<PanelConnection> opened = Promise.promise();
        context.runOnContext(v -> panel.connect().map(panel).onComplete(opened));
        return opened.future();
    }

    /** Runs on the context. */
    private Future<NetSocket> connect() {
        return client.connect(receiver.port(), receiver.host())
                .map(this::attach);
    }

    private NetSocket attach(NetSocket s) {
        socket = s;
        s.handler(RecordParser.newDelimited("\r", this::answered));
        s.closeHandler(v -> {
            // as a panel does, it connects again for its next message; what was waiting is lost
            socket = null;
            waiting.values().forEach(p -> p.tryFail(new ClosedChannelException()));
            waiting.clear();
        });
        return s;
    }

    /** Sends one SIA event now; succeeds with {@link #ACK} on the receiver's ACK, {@link #REFUSED} on NAK or DUH. */
    Future<Integer> send(String data, long timeoutMillis) {
        Promise<Integer> answer = Promise.promise();
        context.runOnContext(v -> {
            sequence = sequence % 9999 + 1;
            int seq = sequence;
            Promise<Integer> earlier = waiting.put(seq, answer);
            if (earlier != null) {
                earlier.tryFail("sequence " + seq + " reused before its answer came");
            }
            long timer = vertx.setTimer(timeoutMillis, t -> {
                waiting.remove(seq, answer);
                answer.tryFail(new TimeoutException("no DC-09 answer"));
            });
            answer.future().onComplete(done -> vertx.cancelTimer(timer));
            Future<NetSocket> open = socket != null ? Future.succeededFuture(socket) : connect();
            open.onSuccess(s -> s.write(Buffer.buffer(SiaFrame.plain(seq, account, data, Instant.now())
                    .getBytes(StandardCharsets.ISO_8859_1)))).onFailure(answer::tryFail);
        });
        return answer.future();
    }

    private void answered(Buffer record) {
        SiaFrame.Answer answer;
        try {
            answer = SiaFrame.answer(record.toString(StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException malformed) {
            return; // counted as a timeout of the frame it was meant for
        }
        Promise<Integer> promise = waiting.remove(answer.sequence());
        if (promise != null) {
            promise.tryComplete(answer.acknowledged() ? ACK : REFUSED);
        }
    }

    /** True once the receiver closed the connection (until the next message opens a new one). */
    boolean closed() {
        return socket == null;
    }

    Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> (socket == null ? Future.<Void>succeededFuture() : socket.close()).onComplete(closed));
        return closed.future();
    }
}
