package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.server.demo.DemoFamilies.Household;

/**
 * Each elder's family abroad: one to four relatives in call order, each in a city with its own
 * time zone, language and phone number. The first to call is always a son or a daughter.
 */
final class DemoContacts {

    private enum Relation {
        SON("son", false, 20), DAUGHTER("daughter", true, 20),
        GRANDSON("grandson", false, 10), GRANDDAUGHTER("granddaughter", true, 10),
        NEPHEW("nephew", false, 8), NIECE("niece", true, 8),
        SON_IN_LAW("son-in-law", false, 6), DAUGHTER_IN_LAW("daughter-in-law", true, 8);

        final String label;
        final boolean woman;
        final int share;

        Relation(String label, boolean woman, int share) {
            this.label = label;
            this.woman = woman;
            this.share = share;
        }

        /** Nieces, nephews and sons-in-law often carry another family's name. */
        boolean mayHaveOtherFamilyName() {
            return this == NEPHEW || this == NIECE || this == SON_IN_LAW;
        }
    }

    /** Weights of a family having 1, 2, 3 or 4 contacts. */
    private static final int[] FAMILY_SIZE_SHARES = {20, 35, 30, 15};
    private static final double HAS_APP = 0.6;

    private DemoContacts() {
    }

    static List<Contact> generate(List<Household> households, SeededDraws draws) {
        DemoPhoneBook phones = new DemoPhoneBook();
        List<AbroadCity> cities = Arrays.asList(AbroadCity.values());
        List<Relation> relations = Arrays.asList(Relation.values());
        List<Integer> sizes = List.of(1, 2, 3, 4);
        List<Contact> contacts = new ArrayList<>();
        for (Household household : households) {
            String subscriberId = household.subscriber().id();
            int size = draws.weighted(sizes, s -> FAMILY_SIZE_SHARES[s - 1]);
            for (int rank = 1; rank <= size; rank++) {
                Relation relation = rank == 1
                        ? (draws.chance(0.5) ? Relation.SON : Relation.DAUGHTER)
                        : draws.weighted(relations, r -> r.share);
                AbroadCity city = draws.weighted(cities, c -> c.share);
                String id = "C-" + subscriberId.substring("S-".length()) + "-" + rank;
                contacts.add(new Contact(id, subscriberId, name(household, relation, draws), relation.label,
                        phones.next(city), city.languageFor(household.community().language, draws), city.timeZone,
                        rank, draws.chance(HAS_APP) ? "demo-fcm-token-" + id : null));
            }
        }
        return contacts;
    }

    private static String name(Household household, Relation relation, SeededDraws draws) {
        Community community = household.community();
        String given = draws.any(relation.woman ? community.youngerWomen : community.youngerMen);
        String familyName = relation.mayHaveOtherFamilyName() && draws.chance(0.5)
                ? draws.any(community.familyNames)
                : household.familyName();
        return given + " " + familyName;
    }
}
