package org.sahaya.notify.channel.twilio;

import com.twilio.http.TwilioRestClient;

/** Builds the SDK's REST client on our transport: the one place the SDK's HTTP behaviour is decided. */
final class TwilioClients {

    private TwilioClients() {
    }

    static TwilioRestClient restClient(TwilioAccount account) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new TwilioTransport(account.apiBaseUrl(), account.timeout()))
                .build();
    }
}
