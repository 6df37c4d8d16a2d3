package org.sahaya.notify.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;

class ContactBookTest {

    @Test
    void aValidContactIsStoredWithItsNumberInE164() {
        ContactBook.Result r = ContactBook.check("SUB-1", "CON-9", draft("+44 7911 123456", "Europe/London"));

        assertThat(r).isInstanceOfSatisfying(ContactBook.Result.Saved.class, saved -> {
            assertThat(saved.contact().phone()).isEqualTo("+447911123456");
            assertThat(saved.preferences().channels()).containsExactly(Channel.SMS);
            assertThat(saved.preferences().quietHours().start()).isEqualTo(LocalTime.of(22, 0));
        });
    }

    @Test
    void invalidNumbersAreRefusedNamingThePhoneField() {
        for (String bad : new String[] {"+44 12", "07911 123456", "+999 123456789", "call me", null}) {
            assertThat(ContactBook.check("SUB-1", "CON-9", draft(bad, "Europe/London")))
                    .isEqualTo(new ContactBook.Result.Invalid("phone",
                            "not a valid phone number in international form (+<country code>...)"));
        }
    }

    @Test
    void anUnknownZoneOrAPushPreferenceWithoutTokenIsRefusedNamingItsField() {
        assertThat(ContactBook.check("SUB-1", "CON-9", draft("+447911123456", "Europe/Atlantis")))
                .isInstanceOfSatisfying(ContactBook.Result.Invalid.class, i -> assertThat(i.field()).isEqualTo("timeZone"));
        ContactDraft push = new ContactDraft("Ravi", "son", "+447911123456", "en-GB", "Europe/London", 1, null,
                List.of("PUSH"), null, null);
        assertThat(ContactBook.check("SUB-1", "CON-9", push))
                .isInstanceOfSatisfying(ContactBook.Result.Invalid.class, i -> assertThat(i.field()).isEqualTo("channels"));
    }

    private static ContactDraft draft(String phone, String zone) {
        return new ContactDraft("Ravi", "son", phone, "en-GB", zone, 1, null, List.of("SMS"), "22:00", "07:00");
    }
}
