package org.sahaya.notify.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.notify.fake.FakeTwilio.Failure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Calls through the real Twilio SDK against the fake: what the family member will hear, and where the key press goes. */
class TwilioVoiceChannelTest {

    static final String ARJUN = "+14085550123";
    static final String HINDI = "आशा: गिरने का पता चला। एम्बुलेंस KA-07 रास्ते में है।";

    static FakeTwilio twilio;
    static TwilioVoiceChannel voice;

    @BeforeAll
    static void start() {
        twilio = FakeTwilio.start();
        voice = new TwilioVoiceChannel(TwilioSmsChannelTest.account(twilio.baseUrl(), FakeTwilio.AUTH_TOKEN));
    }

    @AfterAll
    static void stop() {
        twilio.close();
    }

    @BeforeEach
    void reset() {
        twilio.reset();
    }

    static OutgoingMessage call(String language, String text) {
        return new OutgoingMessage("NTF-42", "INC-1", Channel.VOICE, ARJUN, null, language, text);
    }

    @Test
    void aCallReadsTheMessageInTheContactsLanguageAndAsksForOneKey() throws Exception {
        SendReceipt receipt = voice.send(call("hi", HINDI));

        FakeTwilio.Request request = twilio.requests().getFirst();
        assertThat(request.kind()).isEqualTo("call");
        assertThat(receipt.providerId()).isEqualTo(request.sid()).startsWith("CA");
        assertThat(request.to()).isEqualTo(ARJUN);
        assertThat(request.statusCallback()).isEqualTo("https://sahaya.example.org/webhooks/twilio/status");
        assertThat(request.form()).containsEntry("Timeout", "30");

        Document twiml = parse(request.twiml());
        Element gather = (Element) twiml.getElementsByTagName("Gather").item(0);
        assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
        assertThat(gather.getAttribute("method")).isEqualTo("POST");
        assertThat(gather.getAttribute("action"))
                .isEqualTo("https://sahaya.example.org/webhooks/twilio/voice/gather?n=NTF-42");
        NodeList says = twiml.getElementsByTagName("Say");
        assertThat(says.getLength()).isEqualTo(3);
        for (int i = 0; i < says.getLength(); i++) {
            Element say = (Element) says.item(i);
            assertThat(say.getAttribute("language")).isEqualTo("hi-IN");
            assertThat(say.getAttribute("voice")).isEqualTo("Google.hi-IN-Standard-A");
        }
        assertThat(says.item(0).getTextContent()).isEqualTo(HINDI);
        assertThat(says.item(1).getTextContent()).contains("1").contains("दबाएँ");
    }

    @Test
    void textThatLooksLikeMarkupIsSpokenNotInterpreted() throws Exception {
        voice.send(call("en-GB", "Asha <fell> & needs help"));

        Document twiml = parse(twilio.requests().getFirst().twiml());
        assertThat(twiml.getElementsByTagName("fell").getLength()).isZero();
        assertThat(twiml.getElementsByTagName("Say").item(0).getTextContent()).isEqualTo("Asha <fell> & needs help");
        assertThat(((Element) twiml.getElementsByTagName("Say").item(0)).getAttribute("language")).isEqualTo("en-GB");
    }

    @Test
    void anInvalidNumberIsAPermanentFailure() {
        twilio.failFor(ARJUN, Failure.invalidNumber());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> voice.send(call("hi", HINDI)));

        assertThat(e.reason()).isEqualTo("TWILIO_21211");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aServerErrorReachesTwilioOnce() {
        twilio.failNext(Failure.unavailable());

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> voice.send(call("hi", HINDI)));

        assertThat(e.retryable()).isTrue();
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerIsAnUnknownOutcome() {
        String slowNumber = "+14085550999";
        twilio.delayFor(slowNumber, Duration.ofSeconds(4));
        TwilioVoiceChannel impatient = new TwilioVoiceChannel(TwilioSmsChannelTest.account(twilio.baseUrl(),
                FakeTwilio.AUTH_TOKEN, Duration.ofSeconds(1)));

        ChannelException e = catchThrowableOfType(ChannelException.class, () -> impatient.send(
                new OutgoingMessage("NTF-43", "INC-1", Channel.VOICE, slowNumber, null, "hi", HINDI)));

        assertThat(e.reason()).isEqualTo("TWILIO_NO_ANSWER");
        assertThat(e.retryable()).isFalse();
        assertThat(twilio.requests()).filteredOn(r -> r.to().equals(slowNumber)).hasSize(1);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
