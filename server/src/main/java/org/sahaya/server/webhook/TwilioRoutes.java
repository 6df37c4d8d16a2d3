package org.sahaya.server.webhook;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/** Twilio's callbacks, each behind Twilio's signature before its form is looked at. */
public record TwilioRoutes(Access access, TwilioSignatureHandler signature, TwilioWebhooks twilio) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        for (String operation : new String[] {"twilioStatus", "twilioVoiceGather", "twilioSmsReply"}) {
            access.own(operation, "Twilio's request signature");
        }
        return Map.of(
                "twilioStatus", (route, validation) -> route.addHandler(signature).addHandler(validation)
                        .addHandler(twilio::status),
                "twilioVoiceGather", (route, validation) -> route.addHandler(signature).addHandler(validation)
                        .addHandler(twilio::gather),
                "twilioSmsReply", (route, validation) -> route.addHandler(signature).addHandler(validation)
                        .addHandler(twilio::sms));
    }
}
