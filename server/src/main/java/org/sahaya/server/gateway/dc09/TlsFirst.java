package org.sahaya.server.gateway.dc09;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;

/** A TLS connection's handlers: the TLS session first, then the DC-09 pipeline over the clear frames. */
final class TlsFirst extends ChannelInitializer<Channel> {

    private final SslContext tls;
    private final Dc09Pipeline pipeline;

    TlsFirst(SslContext tls, Dc09Pipeline pipeline) {
        this.tls = tls;
        this.pipeline = pipeline;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline().addLast(tls.newHandler(channel.alloc()), pipeline);
    }
}
