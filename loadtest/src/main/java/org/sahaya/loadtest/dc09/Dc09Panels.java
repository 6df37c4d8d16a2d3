package org.sahaya.loadtest.dc09;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The demo city's home hubs as unencrypted DC-09 panels, each on its own connection: accounts
 * {@code 1001 .. 1000+hubs} (hub {@code demo-0501} is account {@code 1001}, and so on).
 */
public final class Dc09Panels implements AutoCloseable {

    /** The demo city's first unencrypted account; the node publishes it (see its DemoHubAccounts). */
    public static final int FIRST_ACCOUNT = 1001;
    /** The demo city has 50 hubs. */
    public static final int DEMO_HUBS = 50;
    /** The device number of the hub whose account is the first one. */
    static final int FIRST_HUB_DEVICE = 501;

    private final NetClient client;
    private final List<PanelConnection> panels;

    private Dc09Panels(NetClient client, List<PanelConnection> panels) {
        this.client = client;
        this.panels = panels;
    }

    /**
     * @param firstSequence where the panels' message numbers start; vary it between runs closer than
     *                      ten minutes apart, or the receiver takes the second run's frames for retransmissions
     */
    public static Future<Dc09Panels> connect(Vertx vertx, Endpoint receiver, int hubs, int firstSequence) {
        NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        List<Future<PanelConnection>> opening = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            opening.add(PanelConnection.open(vertx, client, receiver, Integer.toString(FIRST_ACCOUNT + i), firstSequence));
        }
        return Future.all(opening).map(all -> new Dc09Panels(client, opening.stream().map(Future::result).toList()));
    }

    public int size() {
        return panels.size();
    }

    PanelConnection panel(int index) {
        return panels.get(Math.floorMod(index, panels.size()));
    }

    /** The demo hub behind {@link #panel(int)}: account {@code 1001} is {@code demo-0501}, and so on (DemoHubAccounts). */
    String hubDeviceId(int index) {
        return org.sahaya.core.subscriber.Device.demoId(FIRST_HUB_DEVICE + Math.floorMod(index, panels.size()));
    }

    @Override
    public void close() {
        Future.all(panels.stream().map(PanelConnection::close).toList()).onComplete(closed -> client.close());
    }
}
