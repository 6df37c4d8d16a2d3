package org.sahaya.server.http.device;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.server.gateway.DuplicateKeys;
import org.sahaya.server.http.contract.Problem;

/**
 * Refuses a device's body with a key written twice ({@code {"type":"FALL","type":"TEST"}}) with 400
 * {@code duplicate-key} naming the key, before the contract validation reads the body (which would
 * silently keep the last value). The same check as every other device gateway ({@link DuplicateKeys}).
 */
public final class DuplicateKeyGuard implements Handler<RoutingContext> {

    /** Stateless: one for every route. */
    public static final DuplicateKeyGuard INSTANCE = new DuplicateKeyGuard();

    private DuplicateKeyGuard() {
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.body().buffer() != null && ctx.body().length() > 0) {
            var key = DuplicateKeys.first(ctx.body().buffer().getBytes());
            if (key.isPresent()) {
                Problem.ofField(400, "duplicate-key", "Duplicate key", DuplicateKeys.detail(key.get()), key.get()).send(ctx);
                return;
            }
        }
        ctx.next();
    }
}
