package org.sahaya.server.demo;

import java.util.List;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/**
 * Everything the demo city holds, each list in id order. Immutable.
 *
 * @param hospitals   receiving hospitals with their free beds
 * @param units       ambulances, all available at their stations
 * @param subscribers the elders we protect
 * @param devices     their wearables and hubs, with demo credentials
 * @param contacts    their families abroad
 */
public record DemoCityData(
        List<Hospital> hospitals,
        List<Unit> units,
        List<Subscriber> subscribers,
        List<Device> devices,
        List<Contact> contacts) {

    public DemoCityData {
        hospitals = List.copyOf(hospitals);
        units = List.copyOf(units);
        subscribers = List.copyOf(subscribers);
        devices = List.copyOf(devices);
        contacts = List.copyOf(contacts);
    }
}
