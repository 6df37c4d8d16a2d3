package org.sahaya.server.http.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ids in paths, headers and queries are read as the strings they are, without the library's JSON attempt
 * (and its DecodeException) first, and every parameter of the contract is judged exactly as before.
 */
class StringParametersTest {

    /** Values of every kind: plain ids (read here) and everything the library must still read itself. */
    private static final List<String> VALUES = List.of("demo-0001", "AMB-001", "KA-01-AMB-1234", "abc", "a.b", "x_y",
            "true", "null", "true-1", "nullx", "P1", "NEW", "a" + "b".repeat(80), "0123", "1.5", "-5", "1e5", "",
            "\"quoted\"", "a\"b", "a\\nb", "{\"a\":1}", "[1]", "a b", "é", "demo-0001%", "2025-01-15T05:30:00Z");

    private static Vertx vertx;
    private static OpenAPIContract contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        contract = new PrebuiltSchemas(OpenAPIContract.from(vertx, ContractDocument.load(ContractDocument.CONTRACT))
                .await(60, TimeUnit.SECONDS));
    }

    @AfterAll
    static void close() {
        vertx.close().await();
    }

    @Test
    void theIdsOfTheHotRoutesAreReadWithoutTheLibrarysJsonAttempt() {
        // What the library does first with such an id: parse it as JSON, which throws.
        assertThatThrownBy(() -> Json.decodeValue("demo-0001")).isInstanceOf(DecodeException.class);
        StringParameters validator = new StringParameters(vertx, contract);

        for (String[] hot : new String[][] {{"postHeartbeat", "id", "demo-0001"}, {"postHeartbeat", "X-Device-Id", "demo-0001"},
                {"postUnitPosition", "id", "AMB-001"}, {"putHospitalBeds", "id", "HOSP-0001"}}) {
            Parameter parameter = parameter(hot[0], hot[1]);
            assertThat(validator.validateParameter(parameter, new RequestParameterImpl(hot[2])).get()).isEqualTo(hot[2]);
        }

        assertThat(validator.stringsReadByLibrary()).isZero();
    }

    @Test
    void everyStringParameterOfTheContractIsJudgedAsTheLibraryJudgesIt() {
        StringParameters ours = new StringParameters(vertx, contract);
        RequestValidatorImpl library = new RequestValidatorImpl(vertx, contract);
        List<Parameter> strings = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getSchemaType() == SchemaType.STRING
                        && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM)) {
                    strings.add(parameter);
                }
            }
        }
        assertThat(strings).hasSizeGreaterThan(10);

        int checked = 0;
        for (Parameter parameter : strings) {
            for (String value : VALUES) {
                RequestParameterImpl raw = new RequestParameterImpl(value);
                assertThat(outcome(() -> ours.validateParameter(parameter, raw)))
                        .as("%s = %s", parameter.getName(), value)
                        .isEqualTo(outcome(() -> library.validateParameter(parameter, raw)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(strings.size() * VALUES.size());
        assertThat(ours.stringsReadByLibrary()).as("the values that are not plain ids still go to the library")
                .isPositive();
    }

    @Test
    void aPlainWordIsALetterThenLettersDigitsDashesUnderscoresOrDots() {
        assertThat(List.of("demo-0001", "AMB-001", "a", "a.b_c-1")).allMatch(StringParameters::plainWord);
        assertThat(List.of("", "1", "-a", "_a", ".a", "a b", "a\"", "a\\", "é", "a:b", "a%"))
                .noneMatch(StringParameters::plainWord);
    }

    private static Parameter parameter(String operationId, String name) {
        return contract.operation(operationId).getParameters().stream().filter(p -> p.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(operationId + " has no parameter " + name));
    }

    /** The value validated, or the failure's class and message: what a problem is made of. */
    private static String outcome(java.util.concurrent.Callable<RequestParameter> validation) {
        try {
            RequestParameter result = validation.call();
            return "ok " + Objects.toString(result.get());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
