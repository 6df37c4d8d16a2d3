package org.sahaya.server.http.family;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.sahaya.core.node.Offload;
import org.sahaya.notify.contact.ContactBook;
import org.sahaya.notify.contact.ContactDraft;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * {@code PUT /api/v1/subscribers/{id}/contacts/{contactId}}: creates or replaces a family contact
 * through {@link ContactBook}, the one checked way in. An invalid phone number, zone or preference is
 * refused with 422 naming the field, and nothing is saved.
 */
public final class ContactHandler {

    private final ContactBook book;
    private final Offload offload;

    public ContactHandler(ContactBook book, Offload offload) {
        this.book = book;
        this.offload = offload;
    }

    public void put(RoutingContext ctx) {
        String subscriberId = ctx.pathParam("id");
        String contactId = ctx.pathParam("contactId");
        JsonObject body = ctx.body().asJsonObject();
        JsonArray channels = body.getJsonArray("channels");
        JsonObject quiet = body.getJsonObject("quietHours");
        ContactDraft draft = new ContactDraft(body.getString("name"), body.getString("relation"),
                body.getString("phone"), body.getString("language"), body.getString("timeZone"),
                body.getInteger("rank", 1), body.getString("pushToken"),
                channels == null ? List.of() : channels.stream().map(String::valueOf).toList(),
                quiet == null ? null : quiet.getString("start"), quiet == null ? null : quiet.getString("end"));
        offload.submit(() -> switch (book.save(subscriberId, contactId, draft)) {
            case ContactBook.Result.Saved saved -> new JsonObject()
                    .put("id", saved.contact().id())
                    .put("subscriberId", saved.contact().subscriberId())
                    .put("relation", saved.contact().relation())
                    .put("phone", saved.contact().phone())
                    .put("language", saved.contact().language())
                    .put("timeZone", saved.contact().timeZone())
                    .put("rank", saved.contact().rank())
                    .put("channels", new JsonArray(saved.preferences().channels().stream().map(Enum::name).toList()))
                    .put("quietHours", saved.preferences().quietHours() == null ? null : new JsonObject()
                            .put("start", saved.preferences().quietHours().start().toString())
                            .put("end", saved.preferences().quietHours().end().toString()));
            case ContactBook.Result.Invalid invalid -> throw new ProblemException(Problem.ofField(422,
                    "invalid-field", "Invalid field", invalid.field() + ": " + invalid.reason(),
                    invalid.field().startsWith("quiet") ? "quietHours/" + invalid.field().substring(5).toLowerCase()
                            : invalid.field()));
            case ContactBook.Result.UnknownSubscriber u -> throw new ProblemException(Problem.ofField(404,
                    "subscriber-not-found", "Subscriber not found", "no subscriber has the id " + subscriberId, "id"));
        }).onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json.encode()))
                .onFailure(ctx::fail);
    }
}
