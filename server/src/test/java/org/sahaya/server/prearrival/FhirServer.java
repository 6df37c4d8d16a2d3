package org.sahaya.server.prearrival;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.interceptor.RequestValidatingInterceptor;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A hospital's FHIR R4 server for tests: HAPI's {@link RestfulServer} on Jetty (port 0), in process. It takes
 * transaction Bundles at its base URL ({@code POST [base]} with {@code application/fhir+json}), refuses with
 * HAPI's {@link RequestValidatingInterceptor} what is not valid R4 (422 with an OperationOutcome), carries out
 * conditional updates ({@code PUT Patient?identifier=system|value}: create once, update after) with the
 * bundle's {@code urn:uuid} references resolved, keeps what it stored in memory, and answers searches by
 * identifier ({@code GET [base]/Patient?identifier=system|value}) for Patient, Encounter, Condition,
 * AllergyIntolerance and MedicationStatement. Not a mock: what it stores is what a real server would.
 */
public final class FhirServer implements AutoCloseable {

    private static final List<Class<? extends Resource>> TYPES = List.of(Patient.class, Encounter.class,
            Condition.class, AllergyIntolerance.class, MedicationStatement.class);

    private final FhirContext context = FhirContext.forR4Cached();
    private final Map<String, Map<String, Resource>> stored = new HashMap<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Server jetty;
    private final ServerConnector connector;

    private FhirServer() throws Exception {
        RestfulServer fhir = new RestfulServer(context);
        fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
        fhir.registerProvider(new TransactionProvider());
        for (Class<? extends Resource> type : TYPES) {
            fhir.registerProvider(new ByIdentifier(type));
        }
        RequestValidatingInterceptor validating = new RequestValidatingInterceptor();
        validating.setValidator(R4Validator.shared().validator());
        validating.setFailOnSeverity(ResultSeverityEnum.ERROR);
        fhir.registerInterceptor(validating);

        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();
    }

    /** Starts a server on a free port of 127.0.0.1. Blocking (the validator may take seconds the first time). */
    public static FhirServer start() throws Exception {
        return new FhirServer();
    }

    /** Where a hospital's FHIR base URL points: {@code http://127.0.0.1:<port>/fhir}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/fhir";
    }

    /** Transactions carried out (refused ones not counted). */
    public int transactions() {
        return transactions.get();
    }

    /** The resources of {@code type} stored now, by id. */
    public synchronized List<Resource> stored(String type) {
        return List.copyOf(stored.getOrDefault(type, Map.of()).values());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /**
     * Sends {@code bundleJson} as the partner outbox's FHIR transport does: {@code POST [base]} with
     * {@code Content-Type: application/fhir+json}. Blocking.
     */
    public static HttpResponse<String> post(String baseUrl, String bundleJson) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(bundleJson)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Searches over HTTP as a hospital's system would: {@code GET [base]/Type?identifier=system|value}. */
    public <T extends Resource> List<T> search(Class<T> type, String system, String value) throws Exception {
        String url = baseUrl() + "/" + context.getResourceType(type) + "?identifier="
                + URLEncoder.encode(system + "|" + value, StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("search answered " + answer.statusCode() + ": " + answer.body());
            }
            Bundle found = context.newJsonParser().parseResource(Bundle.class, answer.body());
            return found.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
        }
    }

    private synchronized Bundle transact(Bundle input) {
        if (input.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("only transaction Bundles are taken here");
        }
        Map<String, String> ids = new LinkedHashMap<>(); // fullUrl -> Type/id
        List<Boolean> created = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : input.getEntry()) {
            Resource resource = entry.getResource();
            String type = resource.fhirType();
            Optional<Resource> existing = switch (entry.getRequest().getMethod()) {
                case PUT -> matching(entry.getRequest().getUrl(), type);
                case POST -> Optional.empty();
                default -> throw new InvalidRequestException("only PUT (conditional) and POST are taken here");
            };
            String id = existing.map(r -> r.getIdElement().getIdPart()).orElseGet(() -> Integer.toString(nextId.getAndIncrement()));
            created.add(existing.isEmpty());
            ids.put(entry.getFullUrl(), type + "/" + id);
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (int i = 0; i < input.getEntry().size(); i++) {
            Resource resource = input.getEntry().get(i).getResource().copy();
            for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                String target = ids.get(reference.getReference());
                if (target != null) {
                    reference.setReference(target);
                }
            }
            String typeAndId = ids.get(input.getEntry().get(i).getFullUrl());
            resource.setId(typeAndId);
            Resource previous = stored.computeIfAbsent(resource.fhirType(), t -> new LinkedHashMap<>())
                    .put(resource.getIdElement().getIdPart(), resource);
            int version = previous == null ? 1 : Integer.parseInt(previous.getMeta().getVersionId()) + 1;
            resource.getMeta().setVersionId(Integer.toString(version));
            response.addEntry().getResponse().setStatus(created.get(i) ? "201 Created" : "200 OK")
                    .setLocation(typeAndId + "/_history/" + version);
        }
        transactions.incrementAndGet();
        return response;
    }

    /** The stored resource a conditional URL ({@code Type?identifier=system|value}) names; 412 if several. */
    private Optional<Resource> matching(String url, String type) {
        int query = url == null ? -1 : url.indexOf("?identifier=");
        if (query < 0 || !url.substring(0, query).equals(type)) {
            throw new InvalidRequestException("a PUT must be a conditional update by identifier of its own type");
        }
        String token = URLDecoder.decode(url.substring(query + "?identifier=".length()), StandardCharsets.UTF_8);
        int bar = token.indexOf('|');
        List<Resource> found = find(type, bar < 0 ? null : token.substring(0, bar), token.substring(bar + 1));
        if (found.size() > 1) {
            throw new ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException("several " + type + " match " + url);
        }
        return found.stream().findFirst();
    }

    private synchronized List<Resource> find(String type, String system, String value) {
        return stored.getOrDefault(type, Map.of()).values().stream()
                .filter(r -> identifiers(r).stream().anyMatch(i -> (system == null || system.equals(i.getSystem()))
                        && value.equals(i.getValue())))
                .toList();
    }

    private List<Identifier> identifiers(Resource resource) {
        return context.newTerser().getValues(resource, resource.fhirType() + ".identifier", Identifier.class);
    }

    /** The plain provider of the server's transactions. */
    public final class TransactionProvider {
        @Transaction
        public Bundle transaction(@TransactionParam Bundle input) {
            return transact(input);
        }
    }

    /** Searches one resource type by identifier. */
    public final class ByIdentifier implements IResourceProvider {
        private final Class<? extends Resource> type;

        ByIdentifier(Class<? extends Resource> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Search
        public List<IBaseResource> byIdentifier(@RequiredParam(name = "identifier") TokenParam identifier) {
            String typeName = context.getResourceType(type);
            return new ArrayList<>(find(typeName, identifier.getSystem(), identifier.getValue()));
        }
    }
}
