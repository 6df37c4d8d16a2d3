package org.sahaya.notify.fake;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Twilio REST API for tests: {@code POST /2010-04-01/Accounts/{Sid}/Messages.json} and
 * {@code .../Calls.json} with form bodies and Basic auth, answering with Twilio's JSON shapes (201
 * with the message or call resource, or an error body {@code {"code","message","more_info","status"}}).
 * Answers can be delayed or replaced by an error per recipient number or for the next requests, and
 * the fake posts signed status callbacks ({@code X-Twilio-Signature}) like Twilio does.
 * Runs its own Vert.x on port 0; nothing in it blocks the event loop.
 */
public final class FakeTwilio implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "fake-twilio-auth-token-0123456789";
    public static final String FROM = "+15005550006";

    private static final Pattern PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final String BASIC_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

    /** One request that reached the fake, {@code arrivedNanos} on {@link System#nanoTime()}'s scale. */
    public record Request(String kind, String sid, String to, String from, Map<String, String> form, long arrivedNanos) {

        public String body() {
            return form.get("Body");
        }

        public String twiml() {
            return form.get("Twiml");
        }

        public String statusCallback() {
            return form.get("StatusCallback");
        }
    }

    /** An error Twilio answers with. */
    public record Failure(int httpStatus, int code, String message) {

        public static Failure invalidNumber() {
            return new Failure(400, 21211, "The 'To' number is not a valid phone number.");
        }

        public static Failure unsubscribed() {
            return new Failure(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        public static Failure tooManyRequests() {
            return new Failure(429, 20429, "Too Many Requests");
        }

        public static Failure internalError() {
            return new Failure(500, 20500, "An internal server error has occurred");
        }

        public static Failure unavailable() {
            return new Failure(503, 20503, "Service unavailable");
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    // Not copy-on-write: a benchmark records hundreds of thousands of requests.
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Failure> failByNumber = new ConcurrentHashMap<>();
    private final Map<String, Duration> delayByNumber = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> delayAll = new AtomicReference<>(Duration.ZERO);
    private final List<Failure> nextFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReference<Map.Entry<Long, String>> date = new AtomicReference<>();
    private final Map<String, List<Runnable>> held = new ConcurrentHashMap<>();
    private final HttpClient callbacks = HttpClient.newHttpClient();

    private FakeTwilio(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static FakeTwilio start() {
        Vertx vertx = Vertx.vertx();
        FakeTwilio[] holder = new FakeTwilio[1];
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> holder[0].handle(request))
                    .listen(0, "127.0.0.1")
                    .await(10, TimeUnit.SECONDS);
            holder[0] = new FakeTwilio(vertx, server);
            return holder[0];
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("fake Twilio did not start", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    /** Every later request to {@code number} gets {@code failure}. */
    public void failFor(String number, Failure failure) {
        failByNumber.put(number, failure);
    }

    /** The next requests (any number) get these failures, one each, in order. */
    public void failNext(Failure... failures) {
        nextFailures.addAll(List.of(failures));
    }

    /** Requests to {@code number} are answered only after {@code delay}. */
    public void delayFor(String number, Duration delay) {
        delayByNumber.put(number, delay);
    }

    /** Requests to {@code number} get no answer until {@link #release}. */
    public void holdFor(String number) {
        held.putIfAbsent(number, new CopyOnWriteArrayList<>());
    }

    /** Answers the held requests to {@code number} and stops holding it. */
    public void release(String number) {
        List<Runnable> answers = held.remove(number);
        if (answers != null) {
            answers.forEach(answer -> vertx.runOnContext(v -> answer.run()));
        }
    }

    /** Every request is answered after {@code delay} (per-number delays win). */
    public void delayAll(Duration delay) {
        delayAll.set(delay);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long requestCount() {
        return requests.size();
    }

    public void reset() {
        requests.clear();
        failByNumber.clear();
        delayByNumber.clear();
        nextFailures.clear();
        delayAll.set(Duration.ZERO);
        held.keySet().forEach(this::release);
    }

    private void handle(HttpServerRequest request) {
        Matcher path = PATH.matcher(request.path());
        if (request.method().name().equals("POST") && path.matches()) {
            request.body().onSuccess(body -> {
                if (!authorized(request, path.group(1))) {
                    answer(request, 401, error(new Failure(401, 20003, "Authenticate")));
                    return;
                }
                Map<String, String> form = parseForm(body.toString(StandardCharsets.UTF_8));
                respond(request, path.group(2).equals("Messages") ? "message" : "call", form);
            });
        } else {
            answer(request, 404, error(new Failure(404, 20404, "The requested resource was not found")));
        }
    }

    private static boolean authorized(HttpServerRequest request, String sid) {
        return ACCOUNT_SID.equals(sid) && BASIC_AUTH.equals(request.getHeader("Authorization"));
    }

    /** Twilio's 32 hex digits after the two-letter prefix, without {@code String.format} per request. */
    private static String sid(String prefix, long n) {
        String hex = Long.toHexString(n);
        return prefix + "0".repeat(32 - hex.length()) + hex;
    }

    /** Now in RFC 2822, formatted once a second (the benchmark answers thousands a second). */
    private String now() {
        long second = System.currentTimeMillis() / 1000;
        Map.Entry<Long, String> last = date.get();
        if (last != null && last.getKey() == second) {
            return last.getValue();
        }
        String formatted = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        date.set(Map.entry(second, formatted));
        return formatted;
    }

    private void respond(HttpServerRequest request, String kind, Map<String, String> form) {
        String to = form.getOrDefault("To", "");
        String sid = sid(kind.equals("message") ? "SM" : "CA", sequence.incrementAndGet());
        requests.add(new Request(kind, sid, to, form.get("From"), Map.copyOf(form), System.nanoTime()));
        Failure failure = failByNumber.get(to);
        if (failure == null && !nextFailures.isEmpty()) {
            failure = nextFailures.removeFirst();
        }
        if (to.isBlank()) {
            failure = new Failure(400, 21604, "A 'To' phone number is required.");
        }
        JsonObject body = failure != null ? error(failure) : resource(kind, sid, form, now());
        int status = failure != null ? failure.httpStatus() : 201;
        Duration delay = delayByNumber.getOrDefault(to, delayAll.get());
        List<Runnable> holding = held.get(to);
        if (holding != null) {
            holding.add(() -> answer(request, status, body));
        } else if (delay.isZero()) {
            answer(request, status, body);
        } else {
            vertx.setTimer(delay.toMillis(), t -> answer(request, status, body));
        }
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        if (request.response().closed()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static JsonObject error(Failure failure) {
        return new JsonObject().put("code", failure.code()).put("message", failure.message())
                .put("more_info", "https://www.twilio.com/docs/errors/" + failure.code()).put("status", failure.httpStatus());
    }

    private static JsonObject resource(String kind, String sid, Map<String, String> form, String now) {
        String collection = kind.equals("message") ? "Messages" : "Calls";
        JsonObject json = new JsonObject()
                .put("sid", sid).put("account_sid", ACCOUNT_SID).put("api_version", "2010-04-01")
                .put("to", form.get("To")).put("from", form.get("From"))
                .put("status", "queued").put("direction", "outbound-api")
                .put("date_created", now).put("date_updated", now)
                .put("price", null).put("price_unit", "USD")
                .put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/" + collection + "/" + sid + ".json");
        if (kind.equals("message")) {
            json.put("body", form.get("Body")).put("num_segments", "1").put("num_media", "0")
                    .put("date_sent", null).put("error_code", null).put("error_message", null)
                    .put("messaging_service_sid", null)
                    .put("subresource_uris", new JsonObject().put("media",
                            "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json"));
        } else {
            json.put("parent_call_sid", null).put("phone_number_sid", null).put("start_time", null)
                    .put("end_time", null).put("duration", null).put("answered_by", null)
                    .put("caller_name", null).put("forwarded_from", null).put("group_sid", null)
                    .put("queue_time", "0").put("trunk_sid", null)
                    .put("subresource_uris", new JsonObject().put("notifications",
                            "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + sid + "/Notifications.json"));
        }
        return json;
    }

    /**
     * Posts a status callback for an earlier request, signed as Twilio signs it, to the
     * StatusCallback URL that request named. For a message: {@code MessageStatus} (queued, sent,
     * delivered, undelivered, failed) and, when failed, {@code ErrorCode} (e.g. 30003 unreachable
     * handset). For a call: {@code CallStatus} (ringing, in-progress, completed, busy, no-answer, failed).
     *
     * @return the HTTP status our webhook answered
     */
    public int sendStatusCallback(String sid, String status, Integer errorCode) throws IOException, InterruptedException {
        return sendStatusCallback(sid, status, errorCode, null);
    }

    /**
     * As {@link #sendStatusCallback(String, String, Integer)}, signed for the StatusCallback URL the request
     * named but delivered to {@code via} (scheme, host and port), as a reverse proxy in front of the node
     * would: a test node on port 0 cannot know its public address before it starts.
     */
    public int sendStatusCallback(String sid, String status, Integer errorCode, URI via)
            throws IOException, InterruptedException {
        Request original = requests.stream().filter(r -> r.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no request with sid " + sid));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", original.from());
        params.put("To", original.to());
        if (original.kind().equals("message")) {
            params.put("MessageSid", sid);
            params.put("SmsSid", sid);
            params.put("MessageStatus", status);
            params.put("SmsStatus", status);
        } else {
            params.put("CallSid", sid);
            params.put("CallStatus", status);
            params.put("Direction", "outbound-api");
        }
        if (errorCode != null) {
            params.put("ErrorCode", String.valueOf(errorCode));
        }
        String url = Optional.ofNullable(original.statusCallback())
                .orElseThrow(() -> new IllegalStateException("request " + sid + " named no StatusCallback"));
        URI signed = URI.create(url);
        URI target = via == null ? signed : URI.create(via.getScheme() + "://" + via.getRawAuthority()
                + signed.getRawPath() + (signed.getRawQuery() == null ? "" : "?" + signed.getRawQuery()));
        HttpRequest post = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(AUTH_TOKEN, url, params))
                .header("I-Twilio-Idempotency-Token", sid + "-" + status + (errorCode == null ? "" : "-" + errorCode))
                .POST(HttpRequest.BodyPublishers.ofString(encodeForm(params)))
                .build();
        return callbacks.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Twilio's request signature: Base64 of HMAC-SHA1, keyed with the auth token, over the full URL
     * followed by each POST parameter's name and value, sorted by name.
     */
    public static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        new io.netty.handler.codec.http.QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                .forEach((name, values) -> form.put(name, values.getFirst()));
        return form;
    }

    private static String encodeForm(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    @Override
    public void close() {
        callbacks.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("fake did not stop within 10 s", e);
        }
    }
}
