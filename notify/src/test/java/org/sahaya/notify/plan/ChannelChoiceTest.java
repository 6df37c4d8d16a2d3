package org.sahaya.notify.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.preference.ContactPreferences;

class ChannelChoiceTest {

    private static final Set<Channel> ALL = EnumSet.of(Channel.SMS, Channel.PUSH, Channel.VOICE);
    private static final Contact WITH_APP = withToken(FamilyFixture.RAVI_LONDON, "fcm-1");
    private static final Contact WITHOUT_APP = FamilyFixture.MEERA_DUBAI;
    private static final ContactPreferences PUSH_FIRST =
            ContactPreferences.of(List.of(Channel.PUSH, Channel.SMS), LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void emergencyGoesBySmsAndPushToAContactWithTheAppWhateverTheyPrefer() {
        ContactPreferences voiceOnly = ContactPreferences.of(List.of(Channel.VOICE), null, null);
        assertThat(ChannelChoice.forContact(Priority.P1, WITH_APP, voiceOnly, ALL, Channel.SANDBOX))
                .containsExactly(Channel.SMS, Channel.PUSH);
        assertThat(ChannelChoice.forContact(Priority.P2, WITHOUT_APP, voiceOnly, ALL, Channel.SANDBOX))
                .containsExactly(Channel.SMS);
    }

    @Test
    void nonEmergencyGoesByTheFirstPreferredChannelTheContactCanBeReachedOn() {
        assertThat(ChannelChoice.forContact(Priority.P3, WITH_APP, PUSH_FIRST, ALL, Channel.SANDBOX))
                .containsExactly(Channel.PUSH);
        assertThat(ChannelChoice.forContact(Priority.P4, WITHOUT_APP, PUSH_FIRST, ALL, Channel.SANDBOX))
                .containsExactly(Channel.SMS);
    }

    @Test
    void channelsThisNodeCannotSendOnFallBackToTheDefaultOncePerContact() {
        assertThat(ChannelChoice.forContact(Priority.P1, WITH_APP, ContactPreferences.DEFAULT,
                Set.of(Channel.SANDBOX), Channel.SANDBOX)).containsExactly(Channel.SANDBOX);
        assertThat(ChannelChoice.voice(Set.of(Channel.SANDBOX), Channel.SANDBOX)).isEqualTo(Channel.SANDBOX);
        assertThat(ChannelChoice.voice(ALL, Channel.SANDBOX)).isEqualTo(Channel.VOICE);
    }

    static Contact withToken(Contact c, String token) {
        return new Contact(c.id(), c.subscriberId(), c.name(), c.relation(), c.phone(), c.language(), c.timeZone(),
                c.rank(), token);
    }
}
