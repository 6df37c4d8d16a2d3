package org.sahaya.server.http.contract;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the OpenAPI document from the classpath for request validation.
 *
 * <p>The document says truthfully that errors are {@code application/problem+json}. vertx-openapi
 * 5.0.8 refuses to build a contract naming a response media type outside its short list, although
 * it never validates our responses; so response contents of such types are dropped from the copy
 * the validator sees. Requests are validated against the document exactly as written.
 */
public final class ContractDocument {

    /** The public contract of the HTTP API, on the classpath: the one definition of every route and body. */
    public static final String CONTRACT = "openapi/sahaya-v1.yaml";

    private ContractDocument() {
    }

    public static JsonObject load(String resource) {
        try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " is not on the classpath");
            }
            Map<String, Object> raw = new Yaml(new LoaderOptions()).load(in);
            JsonObject document = new JsonObject(raw);
            dropUnsupportedResponseTypes(document);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropUnsupportedResponseTypes(JsonObject document) {
        JsonObject responses = document.getJsonObject("components", new JsonObject()).getJsonObject("responses");
        if (responses != null) {
            responses.forEach(e -> strip((JsonObject) e.getValue()));
        }
        document.getJsonObject("paths", new JsonObject()).forEach(path ->
                ((JsonObject) path.getValue()).forEach(op -> {
                    if (op.getValue() instanceof JsonObject operation && operation.containsKey("responses")) {
                        operation.getJsonObject("responses").forEach(r -> strip((JsonObject) r.getValue()));
                    }
                }));
    }

    private static void strip(JsonObject response) {
        JsonObject content = response.getJsonObject("content");
        if (content != null) {
            content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
            if (content.isEmpty()) {
                response.remove("content");
            }
        }
    }
}
