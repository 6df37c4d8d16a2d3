package org.sahaya.server.demo;

import java.util.EnumMap;
import java.util.Map;

/**
 * Hands out each city's numbers in order, so no two demo contacts share a phone. One instance per
 * generated city.
 */
final class DemoPhoneBook {

    private final Map<AbroadCity, Integer> issued = new EnumMap<>(AbroadCity.class);

    String next(AbroadCity city) {
        int index = issued.merge(city, 1, Integer::sum) - 1;
        for (NumberRange range : city.numbers) {
            if (index < range.size()) {
                return range.number(index);
            }
            index -= range.size();
        }
        throw new IllegalStateException("demo phone numbers for " + city + " are used up; add a range");
    }
}
