package org.sahaya.server.gateway.mqtt;

/**
 * Which topics a device may publish on: only its own, {@code devices/{deviceId}/alerts} and
 * {@code devices/{deviceId}/heartbeat}. Exact matches only, so no wildcard, alias or other device's
 * id ever reaches the pipeline.
 */
public final class TopicPolicy {

    /** Where a publish goes. */
    public enum Route { ALERT, HEARTBEAT, NOT_ALLOWED }

    private TopicPolicy() {
    }

    public static Route route(String deviceId, String topic) {
        if (topic == null || deviceId == null) {
            return Route.NOT_ALLOWED;
        }
        if (topic.equals(alerts(deviceId))) {
            return Route.ALERT;
        }
        if (topic.equals(heartbeat(deviceId))) {
            return Route.HEARTBEAT;
        }
        return Route.NOT_ALLOWED;
    }

    public static String alerts(String deviceId) {
        return "devices/" + deviceId + "/alerts";
    }

    public static String heartbeat(String deviceId) {
        return "devices/" + deviceId + "/heartbeat";
    }
}
