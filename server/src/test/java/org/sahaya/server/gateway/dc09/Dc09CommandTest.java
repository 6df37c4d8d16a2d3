package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.AccountKey;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.account.Decryptor;
import org.sahaya.server.gateway.dc09.frame.FrameReader;
import org.sahaya.server.gateway.dc09.message.Dc09Event;
import org.sahaya.server.gateway.dc09.message.MessageReader;

class Dc09CommandTest {

    private static final Dc09Account ENCRYPTED = new Dc09Account("2001", null, null, "demo-0501",
            AccountKey.of("SAHAYA-DEMO-KEY!", AccountKey.Format.ASCII), null, true);

    @Test
    void buildsAContactIdFrameTheReceiverReads() {
        String frame = Dc09Command.frame("1001", "100", "0042", null, Instant.parse("2026-01-02T10:00:00Z"));
        Dc09Frame read = FrameReader.read(frame.substring(1, frame.length() - 1));

        assertThat(read.token()).isEqualTo("ADM-CID");
        assertThat(read.body()).isEqualTo("#1001|1100 01 001]_10:00:00,01-02-2026");
    }

    @Test
    void buildsAnEncryptedSiaFrameTheReceiverDecrypts() {
        String frame = Dc09Command.frame("2001", "FA", "0043", "SAHAYA-DEMO-KEY!", Instant.parse("2026-01-02T10:00:00Z"));
        Dc09Frame read = FrameReader.read(frame.substring(1, frame.length() - 1));
        String inner = Decryptor.withoutPad(ENCRYPTED.key().decrypt(read.body()));

        assertThat(MessageReader.read(read, ENCRYPTED, inner).events()).extracting(Dc09Event::code).containsExactly("FA");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Dc09Command.run(new String[] {"--account", "1001"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
