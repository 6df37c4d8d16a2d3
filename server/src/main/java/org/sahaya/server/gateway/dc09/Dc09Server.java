package org.sahaya.server.gateway.dc09;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.Dc09Config;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.pipeline.AlertReception;

/**
 * The SIA DC-09 receiver on TCP. A plain Netty server on its own single event-loop thread: the
 * codec is a Netty pipeline ({@link Dc09Pipeline}), and nothing on it blocks (accounts and alerts
 * are read and written through {@code Offload}), so it needs no Vert.x context and cannot slow the
 * HTTP event loops.
 */
public final class Dc09Server implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;

    private Dc09Server(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Binds {@code port} (0 = any free port) and returns once it listens. */
    public static Dc09Server start(int port, Dc09Config config, Dc09Directory directory, AlertReception reception,
                                   DeviceActivity activity, DeviceRateLimit rateLimit, Clock clock) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sahaya-dc09"),
                NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new Dc09Pipeline(config, directory, directory, reception, activity, rateLimit, clock))
                    .bind(port).sync().channel();
            return new Dc09Server(group, channel);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
