package org.sahaya.notify.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.twiml.voice.Say;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceLanguagesTest {

    @Test
    void everyTemplateLanguageHasItsOwnVoice() {
        for (String language : List.of("en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "ar", "de")) {
            VoiceLanguages.Speaker speaker = VoiceLanguages.speakerFor(language);
            assertThat(speaker.fallback()).as(language).isFalse();
            assertThat(speaker.language().toString()).as(language).startsWith(language);
        }
    }

    @Test
    void regionalEnglishKeepsItsAccent() {
        assertThat(VoiceLanguages.speakerFor("en-GB").language()).isEqualTo(Say.Language.EN_GB);
        assertThat(VoiceLanguages.speakerFor("en-US").language()).isEqualTo(Say.Language.EN_US);
        assertThat(VoiceLanguages.speakerFor("en-AU").language()).isEqualTo(Say.Language.EN_IN);
    }

    @Test
    void aLanguageWithoutAVoiceFallsBackToOneThatReadsItsScript() {
        assertThat(VoiceLanguages.speakerFor("ne")).satisfies(s -> {
            assertThat(s.language()).isEqualTo(Say.Language.HI_IN);
            assertThat(s.fallback()).isTrue();
        });
        assertThat(VoiceLanguages.speakerFor("ur").language()).isEqualTo(Say.Language.AR_XA);
        assertThat(VoiceLanguages.speakerFor("sw")).satisfies(s -> {
            assertThat(s.language()).isEqualTo(Say.Language.EN_IN);
            assertThat(s.fallback()).isTrue();
        });
    }

    @Test
    void thePromptIsInTheLanguageTheVoiceSpeaks() {
        assertThat(VoiceLanguages.acknowledgePrompt("de")).startsWith("Drücken Sie 1");
        assertThat(VoiceLanguages.acknowledgePrompt("ne")).isEqualTo(VoiceLanguages.acknowledgePrompt("hi"));
        assertThat(VoiceLanguages.acknowledgePrompt("sw")).startsWith("Press 1");
    }
}
