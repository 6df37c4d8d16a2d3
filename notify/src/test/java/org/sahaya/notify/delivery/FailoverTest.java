package org.sahaya.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;

class FailoverTest {

    static final Contact WITH_APP = new Contact("CON-1", "SUB-1", "Ravi", "son", "+447700900123", "en-GB",
            "Europe/London", 1, "fcm-token-ravi");
    static final Contact WITHOUT_APP = new Contact("CON-2", "SUB-1", "Meera", "daughter", "+971501234567", "ar",
            "Asia/Dubai", 2, null);
    static final Set<Channel> ALL = Set.of(Channel.SMS, Channel.PUSH, Channel.VOICE);

    @Test
    void aFailedSmsGoesToPushWhenNothingElseIsPlannedForTheStep() {
        assertThat(Failover.next(Channel.SMS, WITH_APP, ALL, Set.of(Channel.SMS))).contains(Channel.PUSH);
    }

    @Test
    void aFailedSmsGoesPastAPushAlreadyPlannedForTheStepToAVoiceCall() {
        assertThat(Failover.next(Channel.SMS, WITH_APP, ALL, Set.of(Channel.SMS, Channel.PUSH)))
                .contains(Channel.VOICE);
    }

    @Test
    void nothingIsLeftWhenEveryLaterChannelIsTakenOrUnreachable() {
        assertThat(Failover.next(Channel.PUSH, WITH_APP, ALL, Set.of(Channel.VOICE))).isEmpty();
        assertThat(Failover.next(Channel.SMS, WITHOUT_APP, Set.of(Channel.SMS, Channel.PUSH), Set.of())).isEmpty();
    }

    @Test
    void aContactWithoutTheAppFailsOverFromSmsStraightToVoice() {
        assertThat(Failover.next(Channel.SMS, WITHOUT_APP, ALL, Set.of(Channel.SMS))).contains(Channel.VOICE);
    }
}
