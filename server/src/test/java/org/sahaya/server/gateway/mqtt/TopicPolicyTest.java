package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahaya.server.gateway.mqtt.TopicPolicy.Route;

class TopicPolicyTest {

    @Test
    void aDevicePublishesOnItsOwnAlertAndHeartbeatTopics() {
        assertThat(TopicPolicy.route("demo-0001", "devices/demo-0001/alerts")).isEqualTo(Route.ALERT);
        assertThat(TopicPolicy.route("demo-0001", "devices/demo-0001/heartbeat")).isEqualTo(Route.HEARTBEAT);
    }

    @Test
    void anyOtherTopicIsNotAllowed() {
        assertThat(TopicPolicy.route("demo-0001", "devices/demo-0002/alerts")).isEqualTo(Route.NOT_ALLOWED);
        assertThat(TopicPolicy.route("demo-0001", "devices/+/alerts")).isEqualTo(Route.NOT_ALLOWED);
        assertThat(TopicPolicy.route("demo-0001", "devices/demo-0001/alerts/")).isEqualTo(Route.NOT_ALLOWED);
        assertThat(TopicPolicy.route("demo-0001", "devices/demo-0001")).isEqualTo(Route.NOT_ALLOWED);
        assertThat(TopicPolicy.route("demo-0001", "")).isEqualTo(Route.NOT_ALLOWED);
        assertThat(TopicPolicy.route("demo-0001", null)).isEqualTo(Route.NOT_ALLOWED);
    }
}
