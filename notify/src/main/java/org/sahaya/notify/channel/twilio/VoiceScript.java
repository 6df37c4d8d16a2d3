package org.sahaya.notify.channel.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;
import java.net.URI;

/**
 * The TwiML a family member hears when we call: the message in their language, then "press 1 to
 * confirm" with a {@code <Gather>} that posts the key to our webhook, the message once more if
 * nobody pressed anything. Built with the SDK's TwiML classes, so escaping and attribute names are
 * Twilio's own. Pure.
 */
public final class VoiceScript {

    /** Seconds to wait for the key after the prompt. */
    static final int KEY_TIMEOUT_SECONDS = 8;

    private VoiceScript() {
    }

    /** TwiML for {@code text} in {@code languageTag}; the key press goes to {@code gatherAction}. */
    public static String twiml(String text, String languageTag, URI gatherAction) {
        VoiceLanguages.Speaker speaker = VoiceLanguages.speakerFor(languageTag);
        Gather gather = new Gather.Builder()
                .numDigits(1)
                .timeout(KEY_TIMEOUT_SECONDS)
                .action(gatherAction)
                .method(HttpMethod.POST)
                .say(say(text, speaker))
                .say(say(VoiceLanguages.acknowledgePrompt(languageTag), speaker))
                .build();
        return new VoiceResponse.Builder()
                .gather(gather)
                .pause(new Pause.Builder().length(1).build())
                .say(say(text, speaker))
                .build()
                .toXml();
    }

    private static Say say(String words, VoiceLanguages.Speaker speaker) {
        return new Say.Builder(words).language(speaker.language()).voice(speaker.voice()).build();
    }
}
