package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.server.http.contract.ContractDocument;

/** The router is assembled from the features' route tables, which must match the contract exactly. */
class RouteTablesTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void tablesServingEveryOperationOnceMakeTheRouter() throws Exception {
        Router router = router(List.of(table(contractOperations())));
        assertThat(router).isNotNull();
    }

    @Test
    void anOperationNoTableServesStopsTheStart() {
        Map<String, RouteTable.Mount> all = contractOperations();
        all.remove("postAlert");
        assertThatThrownBy(() -> router(List.of(table(all))))
                .hasMessageContaining("the contract has an operation without a handler: postAlert");
    }

    @Test
    void aTableNamingAnOperationTheContractDoesNotHaveStopsTheStart() {
        Map<String, RouteTable.Mount> all = contractOperations();
        all.put("postNothing", (route, validation) -> route.addHandler(validation));
        assertThatThrownBy(() -> router(List.of(table(all))))
                .hasMessageContaining("route tables name operations the contract does not have: [postNothing]");
    }

    @Test
    void twoTablesServingOneOperationStopTheStart() {
        Map<String, RouteTable.Mount> all = contractOperations();
        RouteTable again = table(Map.of("postAlert", all.get("postAlert")));
        assertThatThrownBy(() -> router(List.of(table(all), again)))
                .hasMessageContaining("two route tables serve the operation postAlert");
    }

    private static Router router(List<RouteTable> tables) throws Exception {
        return HttpApi.router(vertx, tables, 1024, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
    }

    private static RouteTable table(Map<String, RouteTable.Mount> routes) {
        return () -> routes;
    }

    /** A mount answering 204 for every operation of the contract. */
    private static Map<String, RouteTable.Mount> contractOperations() {
        Map<String, RouteTable.Mount> mounts = new HashMap<>();
        JsonObject paths = ContractDocument.load(ContractDocument.CONTRACT).getJsonObject("paths");
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject op && op.containsKey("operationId")) {
                mounts.put(op.getString("operationId"), (route, validation) -> route.addHandler(validation)
                        .addHandler(ctx -> ctx.response().setStatusCode(204).end()));
            }
        }));
        return mounts;
    }
}
