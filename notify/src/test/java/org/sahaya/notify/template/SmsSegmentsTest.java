package org.sahaya.notify.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahaya.notify.template.SmsSegments.Encoding;

class SmsSegmentsTest {

    @Test
    void plainEnglishUpTo160CharactersIsOneGsmPart() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
    }

    @Test
    void longerGsmTextIsSplitIn153SeptetParts() {
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountDouble() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("{".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 162, 2));
    }

    @Test
    void anEscapedCharacterIsNeverSplitAcrossParts() {
        SmsSegments segments = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));

        assertThat(segments.units()).isEqualTo(306);
        assertThat(segments.segments()).isEqualTo(3);
    }

    @Test
    void gsmAccentsAndSymbolsStayGsm() {
        assertThat(SmsSegments.of("Müller, 14:05 £5 @home é à Ø _").encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void oneCharacterOutsideGsmTurnsTheWholeTextIntoUcs2() {
        assertThat(SmsSegments.of("It’s 2:05 PM").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.of("2:05\u202FPM").encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void hindiUpTo70CharactersIsOneUcs2Part() {
        assertThat(SmsSegments.of("ह".repeat(70))).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.of("ह".repeat(71)).segments()).isEqualTo(2);
    }

    @Test
    void longerUcs2TextIsSplitIn67UnitParts() {
        assertThat(SmsSegments.of("ع".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ع".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("ಕ".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void aSurrogatePairIsNeverSplitAcrossParts() {
        SmsSegments segments = SmsSegments.of("ह".repeat(66) + "🚑" + "ह".repeat(66));

        assertThat(segments.units()).isEqualTo(134);
        assertThat(segments.segments()).isEqualTo(3);
    }

    @Test
    void anEmptyTextStillCostsOnePart() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 0, 1));
    }
}
