package org.sahaya.server.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hot routes validate with validators built once from the contract, and they still judge by it. */
class PrebuiltSchemasTest {

    private static Vertx vertx;
    private static OpenAPIContract contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        contract = OpenAPIContract.from(vertx, ContractDocument.load(ContractDocument.CONTRACT)).await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() {
        vertx.close().await();
    }

    @Test
    void everyParameterAndBodyOfTheHotRoutesGetsTheSameValidatorEveryTime() {
        PrebuiltSchemas prebuilt = new PrebuiltSchemas(contract);
        SchemaRepository schemas = prebuilt.getSchemaRepository();
        List<JsonSchema> hot = new ArrayList<>();
        for (String id : List.of("postAlert", "postHeartbeat", "postUnitPosition", "putUnitStatus", "putHospitalBeds")) {
            Operation operation = prebuilt.operation(id);
            operation.getParameters().forEach(p -> hot.add(p.getSchema()));
            operation.getRequestBody().getContent().values().forEach(type -> hot.add(type.getSchema()));
        }

        assertThat(hot).hasSizeGreaterThan(5).allSatisfy(schema ->
                assertThat(schemas.validator(schema)).isSameAs(schemas.validator(schema)));
        // What vertx-openapi would do per request without it: a new validator each time.
        JsonSchema any = hot.get(0);
        assertThat(contract.getSchemaRepository().validator(any)).isNotSameAs(contract.getSchemaRepository().validator(any));
    }

    @Test
    void aPrebuiltValidatorStillJudgesByTheContract() {
        PrebuiltSchemas prebuilt = new PrebuiltSchemas(contract);
        var body = prebuilt.operation("postAlert").getRequestBody().getContent().get("application/json").getSchema();

        assertThat(prebuilt.getSchemaRepository().validator(body).validate(new JsonObject()).getValid()).isFalse();
        assertThat(contract.getSchemaRepository().validator(body).validate(new JsonObject()).getValid()).isFalse();
    }
}
