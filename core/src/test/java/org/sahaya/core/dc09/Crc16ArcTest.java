package org.sahaya.core.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16ArcTest {

    @Test
    void checkValueOfTheCatalogueIsBb3d() {
        assertThat(Crc16Arc.of("123456789")).isEqualTo(0xBB3D);
    }

    @Test
    void crcIsCrc16ArcOfTheCatalogue() {
        assertThat(Crc16Arc.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xBB3D);
    }

    @Test
    void emptyInputHasCrcZero() {
        assertThat(Crc16Arc.of("")).isZero();
    }

    @Test
    void frameCarriesCrcAndLengthOfTheTextFromTheQuoteOn() {
        // CRC computed independently (Python, poly 0xA001 reflected): 0x3F8D; 37 characters = 0x025.
        assertThat(Dc09Envelope.wrap("\"SIA-DCS\"0001L0#1001[#1001|Nri1/MA01]"))
                .isEqualTo("\n3F8D0025\"SIA-DCS\"0001L0#1001[#1001|Nri1/MA01]\r");
    }
}
