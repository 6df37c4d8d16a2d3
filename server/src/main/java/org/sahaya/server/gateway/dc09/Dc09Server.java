package org.sahaya.server.gateway.dc09;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.Dc09Config;
import org.sahaya.server.gateway.dc09.account.AuthFailures;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.dispatch.workflow.AlertReception;

/**
 * The SIA DC-09 receiver, on TCP and on UDP at the same port number. A plain Netty server on its
 * own event-loop threads: the codec is a Netty pipeline ({@link Dc09Pipeline}), UDP senders are
 * bridged into the same pipeline ({@link UdpBridge}), and nothing on it blocks (accounts and alerts
 * are read and written through {@code Offload}), so it needs no Vert.x context and cannot slow the
 * HTTP event loops.
 */
public final class Dc09Server implements AutoCloseable {

    private final EventLoopGroup network;
    private final EventLoopGroup bridge;
    private final Channel tcp;
    private final Channel udp;
    private final Channel udpPipeline;

    private Dc09Server(EventLoopGroup network, EventLoopGroup bridge, Channel tcp, Channel udp, Channel udpPipeline) {
        this.network = network;
        this.bridge = bridge;
        this.tcp = tcp;
        this.udp = udp;
        this.udpPipeline = udpPipeline;
    }

    /** Binds TCP on {@code port} (0 = any free port) and UDP on the same number; returns once both listen. */
    public static Dc09Server start(int port, Dc09Config config, Dc09Directory directory, AlertReception reception,
                                   DeviceActivity activity, DeviceRateLimit rateLimit, Clock clock) throws InterruptedException {
        return start(port, config, directory, reception, activity, rateLimit, AuthFailures.none(), clock, Optional.empty());
    }

    /**
     * As above, with TLS on the TCP receiver when {@code tls} is present: a panel's TLS session ends here and
     * the frames inside it go through the same pipeline. UDP has no TLS; its frames rely on DC-09's own AES.
     */
    public static Dc09Server start(int port, Dc09Config config, Dc09Directory directory, AlertReception reception,
                                   DeviceActivity activity, DeviceRateLimit rateLimit, Clock clock,
                                   Optional<SslContext> tls) throws InterruptedException {
        return start(port, config, directory, reception, activity, rateLimit, AuthFailures.none(), clock, tls);
    }

    /**
     * As above, with failed authentications (unknown accounts, clear frames not allowed, bodies that do not
     * decrypt) counted per account and address and, once too many, answered late.
     */
    public static Dc09Server start(int port, Dc09Config config, Dc09Directory directory, AlertReception reception,
                                   DeviceActivity activity, DeviceRateLimit rateLimit, AuthFailures failures,
                                   Clock clock) throws InterruptedException {
        return start(port, config, directory, reception, activity, rateLimit, failures, clock, Optional.empty());
    }

    /** The receiver with both: failed authentications throttled, and TLS on TCP when {@code tls} is present. */
    public static Dc09Server start(int port, Dc09Config config, Dc09Directory directory, AlertReception reception,
                                   DeviceActivity activity, DeviceRateLimit rateLimit, AuthFailures failures,
                                   Clock clock, Optional<SslContext> tls) throws InterruptedException {
        EventLoopGroup network = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sahaya-dc09"),
                NioIoHandler.newFactory());
        EventLoopGroup bridge = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sahaya-dc09-udp"),
                LocalIoHandler.newFactory());
        Dc09Pipeline pipeline = new Dc09Pipeline(config, directory, directory, reception, activity, rateLimit, failures, clock);
        try {
            Channel tcp = new ServerBootstrap()
                    .group(network)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(tls.<ChannelHandler>map(context -> new TlsFirst(context, pipeline)).orElse(pipeline))
                    .bind(port).sync().channel();
            int bound = ((InetSocketAddress) tcp.localAddress()).getPort();
            LocalAddress local = new LocalAddress("sahaya-dc09-udp-" + bound);
            Channel udpPipeline = new ServerBootstrap()
                    .group(bridge)
                    .channel(LocalServerChannel.class)
                    .childHandler(pipeline)
                    .bind(local).sync().channel();
            Channel udp = new Bootstrap()
                    .group(network)
                    .channel(NioDatagramChannel.class)
                    .handler(new UdpBridge(new Bootstrap().group(bridge).channel(LocalChannel.class), local))
                    .bind(bound).sync().channel();
            return new Dc09Server(network, bridge, tcp, udp, udpPipeline);
        } catch (InterruptedException | RuntimeException e) {
            network.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            bridge.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The port number of both TCP and UDP. */
    public int port() {
        return ((InetSocketAddress) tcp.localAddress()).getPort();
    }

    @Override
    public void close() {
        tcp.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        udp.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        udpPipeline.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        network.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        bridge.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
