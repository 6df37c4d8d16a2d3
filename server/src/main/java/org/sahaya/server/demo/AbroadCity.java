package org.sahaya.server.demo;

import java.util.List;

/**
 * Where the demo families' children live: the city's time zone, the language a contact there
 * chooses (English, the family's own Indian language, or the local one), and the phone numbers
 * handed out there. Numbers come from fictional or drama ranges where libphonenumber accepts them
 * (London 020 7946 0xxx, Australian 0491 570..572, German 0152 28817, North American 555-01xx);
 * elsewhere from an obviously patterned block ({@code 555} in the middle).
 */
enum AbroadCity {

    LONDON("Europe/London", 17, null, 70, 30, 0,
            List.of(new NumberRange("+442079460", 0, 999, 3))),
    DUBAI("Asia/Dubai", 15, "ar", 20, 60, 20,
            List.of(new NumberRange("+97150555", 0, 9999, 4))),
    SAN_JOSE("America/Los_Angeles", 13, null, 60, 40, 0,
            List.of(northAmerican("408"), northAmerican("669"), northAmerican("650"))),
    EDISON("America/New_York", 9, null, 55, 45, 0,
            List.of(northAmerican("732"), northAmerican("848"))),
    TORONTO("America/Toronto", 10, null, 70, 30, 0,
            List.of(northAmerican("416"), northAmerican("647"), northAmerican("437"))),
    SINGAPORE("Asia/Singapore", 10, null, 65, 35, 0,
            List.of(new NumberRange("+658555", 0, 9999, 4))),
    SYDNEY("Australia/Sydney", 11, null, 75, 25, 0,
            List.of(new NumberRange("+61491570", 6, 159, 3), new NumberRange("+61491571", 266, 491, 3),
                    new NumberRange("+61491572", 549, 665, 3))),
    BERLIN("Europe/Berlin", 8, "de", 45, 15, 40,
            List.of(new NumberRange("+4915228817", 0, 999, 3))),
    MUSCAT("Asia/Muscat", 7, "ar", 15, 60, 25,
            List.of(new NumberRange("+9689555", 0, 9999, 4)));

    final String timeZone;
    /** relative number of contacts living here */
    final int share;
    private final String localLanguage;
    private final int english;
    private final int home;
    private final int local;
    final List<NumberRange> numbers;

    AbroadCity(String timeZone, int share, String localLanguage, int english, int home, int local,
               List<NumberRange> numbers) {
        this.timeZone = timeZone;
        this.share = share;
        this.localLanguage = localLanguage;
        this.english = english;
        this.home = home;
        this.local = local;
        this.numbers = numbers;
    }

    /** The language a contact here reads messages in, given the family's home language. */
    String languageFor(String homeLanguage, SeededDraws draws) {
        int ticket = draws.between(1, english + home + local);
        if (ticket <= english) {
            return "en";
        }
        return ticket <= english + home ? homeLanguage : localLanguage;
    }

    /** 555-0100..0199: the North American block reserved for fiction. */
    private static NumberRange northAmerican(String areaCode) {
        return new NumberRange("+1" + areaCode + "555", 100, 199, 4);
    }
}
