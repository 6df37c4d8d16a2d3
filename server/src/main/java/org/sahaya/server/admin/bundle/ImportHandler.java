package org.sahaya.server.admin.bundle;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.http.contract.Problem;

/**
 * Imports the request's bundle off the event loop and answers the report: 200 with the counts (and the
 * new devices' secrets, once, not to be stored), or 422 as a problem listing every refusal. The records
 * are made live on every member through each kind's {@link RecordKind#published}.
 */
public final class ImportHandler implements Handler<RoutingContext> {

    private final List<RecordKind<?>> kinds;
    private final Importer importer;
    private final Offload offload;
    private final Access access;

    /**
     * @param kinds  the node's kinds ({@link CityKinds#of} with the node's grid)
     * @param access writes what an import changed, per section, to the audit log under the admin's name
     */
    public ImportHandler(List<RecordKind<?>> kinds, Database database, Offload offload, Access access) {
        this.kinds = List.copyOf(kinds);
        this.importer = new Importer(database);
        this.offload = offload;
        this.access = access;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            Problem.ofField(415, "unsupported-media-type", "Unsupported media type", "send the bundle as application/json",
                    "Content-Type").send(ctx);
            return;
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            Problem.of(400, "body-missing", "Body missing", "send a city bundle (docs/import.md)").send(ctx);
            return;
        }
        byte[] bytes = body.getBytes();
        offload.submit(() -> importer.write(new BundleReader(kinds).read(new ByteArrayInputStream(bytes)), true,
                        Importer.BeforeCommit.NOTHING))
                .onSuccess(report -> {
                    Caller caller = Access.caller(ctx);
                    report.counts().forEach((section, count) -> access.audit(caller, "importCity", "imports/" + section,
                            "created " + count.created() + ", updated " + count.updated()));
                    answer(ctx, report);
                })
                .onFailure(ctx::fail);
    }

    private static void answer(RoutingContext ctx, ImportReport report) {
        ctx.response().putHeader("Cache-Control", "no-store");
        if (report.written()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(report.toJson(true).encode());
            return;
        }
        Refusal first = report.refusals().getFirst();
        JsonObject problem = Problem.ofField(422, "import-refused", "Import refused", report.refusals().size()
                        + (report.refusals().size() == 1 ? " refusal" : " refusals") + ", nothing written; the first: "
                        + first.text(), first.field().isEmpty() ? first.section() : first.field())
                .toJson(ctx.request().path()).mergeIn(report.toJson(false));
        ctx.response().setStatusCode(422).putHeader("Content-Type", Problem.CONTENT_TYPE).end(problem.encode());
    }
}
