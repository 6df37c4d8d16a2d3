package org.sahaya.core.grid;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.ServerSocketEndpointConfig;

/**
 * What a stranger finds at a member's port: nothing but the member protocol, on one address.
 *
 * <p>Hazelcast's classic network config serves members, clients, REST and memcache on one socket
 * bound to every interface ({@code bind.any}), whatever interface list it is given. The advanced
 * network config with a single member endpoint serves the member protocol only, so a Hazelcast client
 * is refused at the protocol handshake; with {@code bind.any} off and the address pinned it listens on
 * that one address. Multicast and phone-home stay off. What is left (the member protocol, which
 * open-source Hazelcast does not authenticate) is guarded by the cluster name derived from the
 * cluster secret ({@link org.sahaya.core.config.GridAccess#clusterName}).
 */
final class MemberDoors {

    private MemberDoors() {
    }

    /** Members only, on {@code address}, from {@code port} upwards (auto-incremented when taken). */
    static void close(Config config, String address, int port) {
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.server.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", address);
        // The classic config is ignored once the advanced one is on; left closed anyway.
        config.getNetworkConfig().getRestApiConfig().setEnabled(false);
        config.getNetworkConfig().getMemcacheProtocolConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        ServerSocketEndpointConfig member = new ServerSocketEndpointConfig()
                .setPort(port).setPortAutoIncrement(true).setPortCount(100)
                .setPublicAddress(address);
        member.getInterfaces().setEnabled(true).addInterface(address);
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig();
        network.setEnabled(true);
        network.setMemberEndpointConfig(member);
    }
}
