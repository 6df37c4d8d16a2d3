package org.sahaya.notify.channel.twilio;

import com.twilio.twiml.voice.Say;
import java.util.Locale;
import java.util.Map;

/**
 * Which Twilio text-to-speech voice reads a message, by the BCP 47 tag of the text's language. Pure.
 *
 * <p>Every template language has a Google voice on Twilio: en, hi, kn, ta, te, ml, mr, bn, ar, de.
 * A tag without a voice falls back by script, so the voice can at least pronounce the letters:
 * other Devanagari languages (ne, kok, sa, mai) → Hindi; other Arabic-script languages (ur, fa) →
 * Arabic; everything else → English (India). The planner only renders template languages, so a
 * fallback means someone added templates without a voice: {@link Speaker#fallback()} says so.
 */
public final class VoiceLanguages {

    /** A voice and the language it speaks; {@code fallback} when it is not the text's own language. */
    public record Speaker(Say.Language language, Say.Voice voice, boolean fallback) {
    }

    private static final Speaker ENGLISH_US = new Speaker(Say.Language.EN_US, Say.Voice.GOOGLE_EN_US_STANDARD_A, false);

    private static final Map<String, Speaker> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", new Speaker(Say.Language.EN_IN, Say.Voice.GOOGLE_EN_IN_STANDARD_A, false)),
            Map.entry("en-US", ENGLISH_US),
            Map.entry("en-GB", new Speaker(Say.Language.EN_GB, Say.Voice.GOOGLE_EN_GB_STANDARD_A, false)),
            Map.entry("hi", new Speaker(Say.Language.HI_IN, Say.Voice.GOOGLE_HI_IN_STANDARD_A, false)),
            Map.entry("kn", new Speaker(Say.Language.KN_IN, Say.Voice.GOOGLE_KN_IN_STANDARD_A, false)),
            Map.entry("ta", new Speaker(Say.Language.TA_IN, Say.Voice.GOOGLE_TA_IN_STANDARD_A, false)),
            Map.entry("te", new Speaker(Say.Language.TE_IN, Say.Voice.GOOGLE_TE_IN_STANDARD_A, false)),
            Map.entry("ml", new Speaker(Say.Language.ML_IN, Say.Voice.GOOGLE_ML_IN_STANDARD_A, false)),
            Map.entry("mr", new Speaker(Say.Language.MR_IN, Say.Voice.GOOGLE_MR_IN_STANDARD_A, false)),
            Map.entry("bn", new Speaker(Say.Language.BN_IN, Say.Voice.GOOGLE_BN_IN_STANDARD_A, false)),
            Map.entry("ar", new Speaker(Say.Language.AR_XA, Say.Voice.GOOGLE_AR_XA_STANDARD_A, false)),
            Map.entry("de", new Speaker(Say.Language.DE_DE, Say.Voice.GOOGLE_DE_DE_STANDARD_A, false)));

    private static final Map<String, String> SAME_SCRIPT = Map.of(
            "ne", "hi", "kok", "hi", "sa", "hi", "mai", "hi", "ur", "ar", "fa", "ar");

    private VoiceLanguages() {
    }

    /** The speaker for a text in {@code languageTag}; never null. */
    public static Speaker speakerFor(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag == null ? "" : languageTag);
        String language = locale.getLanguage();
        Speaker exact = BY_LANGUAGE.get(language + "-" + locale.getCountry());
        if (exact != null) {
            return exact;
        }
        Speaker own = BY_LANGUAGE.get(language);
        if (own != null) {
            return own;
        }
        Speaker related = BY_LANGUAGE.get(SAME_SCRIPT.getOrDefault(language, "en"));
        return new Speaker(related.language(), related.voice(), true);
    }

    /** "Press 1 to confirm you have heard this message", in the speaker's language. */
    public static String acknowledgePrompt(String languageTag) {
        String language = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
        String resolved = BY_LANGUAGE.containsKey(language) ? language : SAME_SCRIPT.getOrDefault(language, "en");
        return PROMPTS.getOrDefault(resolved, PROMPTS.get("en"));
    }

    private static final Map<String, String> PROMPTS = Map.of(
            "en", "Press 1 to confirm you have heard this message.",
            "hi", "यह संदेश सुनने की पुष्टि के लिए 1 दबाएँ।",
            "kn", "ಈ ಸಂದೇಶವನ್ನು ಕೇಳಿದ್ದೀರಿ ಎಂದು ಖಚಿತಪಡಿಸಲು 1 ಒತ್ತಿ.",
            "ta", "இந்தச் செய்தியைக் கேட்டதை உறுதிப்படுத்த 1 ஐ அழுத்தவும்.",
            "te", "ఈ సందేశం విన్నట్లు నిర్ధారించడానికి 1 నొక్కండి.",
            "ml", "ഈ സന്ദേശം കേട്ടു എന്ന് സ്ഥിരീകരിക്കാൻ 1 അമർത്തുക.",
            "mr", "हा संदेश ऐकल्याची खात्री करण्यासाठी 1 दाबा.",
            "bn", "এই বার্তাটি শুনেছেন তা নিশ্চিত করতে 1 চাপুন।",
            "ar", "اضغط 1 لتأكيد أنك سمعت هذه الرسالة.",
            "de", "Drücken Sie 1, um zu bestätigen, dass Sie diese Nachricht gehört haben.");
}
