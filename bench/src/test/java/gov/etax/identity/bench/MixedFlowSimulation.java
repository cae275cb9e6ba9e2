package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;
import static gov.etax.identity.bench.Bench.percentile;
import static gov.etax.identity.bench.Bench.writeFigures;
import gov.etax.identity.kernel.enterprise.Uscc;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mixed flow per second at a fixed number of concurrent clients (closed model).
 *
 * <p>Setup ({@link #before()}, not timed): registers {@code 2 × USERS} persons and has tax authority
 * staff confirm {@code USERS} enterprises, each with one of them as legal representative; the other
 * is that enterprise's nominee. Then each of the {@code USERS} virtual users owns one enterprise and
 * repeats, for {@code WARMUP + DURATION} seconds, the group "mixed flow":
 * <ol>
 *   <li>face scan + login of the legal representative at the enterprise entry (Argon2id verify),</li>
 *   <li>nomination of the nominee as TAX_OFFICER,</li>
 *   <li>face scan + login of the nominee (Argon2id verify) and confirmation (no second scan: the
 *       session was opened by face),</li>
 *   <li>revocation by the legal representative (reason DUTIES_CHANGED), after which the nominee may be
 *       nominated again by the next iteration.</li>
 * </ol>
 * Every request is named, so Gatling's report shows each step; only flows and requests that end in
 * the measured window (after the warm-up) count in {@code BENCH_OUT}. A user whose flow fails stops
 * (its enterprise would be left in an unknown state), and the failure is counted.
 */
public class MixedFlowSimulation extends Simulation {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final int USERS = Integer.parseInt(env("USERS", "16"));
    private static final int WARMUP = Integer.parseInt(env("WARMUP", "5"));
    private static final int DURATION = Integer.parseInt(env("DURATION", "20"));
    private static final long SEED = Long.parseLong(env("SEED", "5000000"));
    private static final int SETUP_THREADS = Integer.parseInt(env("SETUP_THREADS", "8"));
    private static final Path OUT = Path.of(env("BENCH_OUT", "report/mixed-c" + USERS + ".properties"));
    private static final String PASSWORD = "Secret#2024";
    private static final List<String> STEPS = List.of("face scan (representative)", "login (representative)",
            "nominate", "face scan (nominee)", "login (nominee)", "confirm", "revoke");

    private record Pair(String uscc, String representative, String nominee) {
    }

    private static final List<Pair> PAIRS = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger NEXT_PAIR = new AtomicInteger();
    private static final ConcurrentLinkedQueue<long[]> FLOWS = new ConcurrentLinkedQueue<>();
    private static final Map<String, ConcurrentLinkedQueue<long[]>> REQUESTS = new ConcurrentHashMap<>();
    private static final AtomicLong FAILED = new AtomicLong();
    private static volatile long startedAt;
    private static volatile long setupMillis;

    /** A unified social credit code with a correct GB 32100 check character (an enterprise of Nanchang). */
    static String uscc(long n) {
        String body = "91360100" + String.format("%09d", n % 1_000_000_000L);
        return body + Uscc.checkCharacter(body);
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - startedAt;
    }

    private final HttpProtocolBuilder protocol = http
            .baseUrl(COMMAND_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    /** One named request, its latency recorded with its completion instant. */
    private static ChainBuilder step(String name, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt")))
                .exec(session -> {
                    if (!session.isFailed()) {
                        REQUESTS.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>())
                                .add(new long[] {sinceStart(), session.getLong("rt")});
                    }
                    return session;
                });
    }

    /** A face scan on the dev simulator for the document in session key {@code documentKey}; saves faceToken. */
    static HttpRequestActionBuilder faceScan(String name, String documentKey) {
        return http(name).post("/api/dev/face-scans")
                .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"#{"
                        + documentKey + "}\",\"outcome\":\"PASSED\"}"))
                .check(status().is(201), jsonPath("$.token").saveAs("faceToken"));
    }

    private static final ChainBuilder FLOW = exec(session -> session.set("flowStart", System.nanoTime()))
            .exec(step(STEPS.get(0), faceScan(STEPS.get(0), "representative")))
            .exec(step(STEPS.get(1), http(STEPS.get(1)).post("/api/sessions")
                    .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"#{representative}\","
                            + "\"password\":\"" + PASSWORD + "\",\"faceVerificationToken\":\"#{faceToken}\","
                            + "\"entry\":\"ENTERPRISE\",\"uscc\":\"#{uscc}\",\"role\":\"LEGAL_REPRESENTATIVE\"}"))
                    .check(status().is(201), jsonPath("$.accessToken").saveAs("representativeToken"))))
            .exec(step(STEPS.get(2), http(STEPS.get(2)).post("/api/enterprises/#{uscc}/staff")
                    .header("Authorization", "Bearer #{representativeToken}")
                    .body(StringBody(session -> "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\""
                            + session.getString("nominee") + "\",\"role\":\"TAX_OFFICER\",\"taxOfficerIdentity\":\"MAIN\","
                            + "\"validUntil\":\"" + LocalDate.now().plusYears(1) + "\"}"))
                    .check(status().is(201), jsonPath("$.authorizationId").saveAs("authorizationId"))))
            .exec(step(STEPS.get(3), faceScan(STEPS.get(3), "nominee")))
            .exec(step(STEPS.get(4), http(STEPS.get(4)).post("/api/sessions")
                    .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"#{nominee}\","
                            + "\"password\":\"" + PASSWORD + "\",\"faceVerificationToken\":\"#{faceToken}\"}"))
                    .check(status().is(201), jsonPath("$.accessToken").saveAs("nomineeToken"))))
            .exec(step(STEPS.get(5), http(STEPS.get(5)).post("/api/authorizations/#{authorizationId}/confirmation")
                    .header("Authorization", "Bearer #{nomineeToken}")
                    .body(StringBody("{}"))
                    .check(status().is(200))))
            .exec(step(STEPS.get(6), http(STEPS.get(6))
                    .delete("/api/enterprises/#{uscc}/staff/#{authorizationId}?reason=DUTIES_CHANGED")
                    .header("Authorization", "Bearer #{representativeToken}")
                    .check(status().is(204))));

    private final ScenarioBuilder mixed = scenario("mixed flow")
            .exec(session -> {
                Pair pair = PAIRS.get(NEXT_PAIR.getAndIncrement() % PAIRS.size());
                return session.set("uscc", pair.uscc()).set("representative", pair.representative())
                        .set("nominee", pair.nominee());
            })
            .during(Duration.ofSeconds(WARMUP + DURATION)).on(
                    group("mixed flow").on(FLOW)
                            .exec(session -> {
                                if (session.isFailed()) {
                                    FAILED.incrementAndGet();
                                } else {
                                    FLOWS.add(new long[] {sinceStart(),
                                            (System.nanoTime() - session.getLong("flowStart")) / 1_000_000});
                                }
                                return session;
                            })
                            .exitHereIfFailed());

    {
        setUp(mixed.injectOpen(atOnceUsers(USERS)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(WARMUP + DURATION + 60));
    }

    // --- setup, not timed -----------------------------------------------------------------------

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String post(String path, String token, String json, int expected, String field) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder().uri(URI.create(COMMAND_URL + path))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = Bench.sendSetup(CLIENT, request.build());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (field == null) {
                return null;
            }
            Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (!value.find()) {
                throw new IllegalStateException(path + " answered without " + field + ": " + response.body());
            }
            return value.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String register(long n) {
        String document = RegistrationSimulation.residentIdNumber(n);
        String face = post("/api/dev/face-scans", null, "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\""
                + document + "\",\"outcome\":\"PASSED\"}", 201, "token");
        String phone = RegistrationSimulation.phone(n);
        post("/api/sms-challenges", null, "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTRATION\","
                + "\"faceVerificationToken\":\"" + face + "\"}", 202, null);
        post("/api/persons/registrations", null, "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\""
                + document + "\",\"name\":\"王小明\",\"phone\":\"" + phone + "\",\"password\":\""
                + PASSWORD + "\",\"faceVerificationToken\":\"" + face + "\",\"smsCode\":\"" + smsCode(phone)
                + "\"}", 201, "personId");
        return document;
    }

    /** LOGIN-2: the latest code sent to the phone, from the dev outbox. */
    private static String smsCode(String phone) {
        try {
            HttpResponse<String> outbox = CLIENT.send(HttpRequest.newBuilder()
                    .uri(URI.create(COMMAND_URL + "/api/dev/sms?phone=" + phone)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = Pattern.compile("验证码为(\\d{6})").matcher(outbox.body());
            String last = null;
            while (code.find()) {
                last = code.group(1);
            }
            if (last == null) {
                throw new IllegalStateException("no SMS code for the phone: " + outbox.body());
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void before() {
        long begin = System.currentTimeMillis();
        String staff = post("/api/dev/staff-tokens", null,
                "{\"staffId\":\"bench-staff\",\"name\":\"基准测试\",\"role\":\"TAX_STAFF\"}", 201, "accessToken");
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<Pair>> pairs = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                long n = SEED + 2L * i;
                pairs.add(pool.submit(() -> {
                    String representative = register(n);
                    String nominee = register(n + 1);
                    String uscc = uscc(SEED + n);
                    post("/api/tax-authority/enterprises", staff, "{\"uscc\":\"" + uscc + "\",\"name\":\"基准企业" + n
                            + "\",\"legalRepresentative\":{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\""
                            + representative + "\",\"name\":\"王小明\"}}", 201, null);
                    return new Pair(uscc, representative, nominee);
                }));
            }
            for (Future<Pair> pair : pairs) {
                PAIRS.add(pair.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("mixed-flow setup failed", e);
        } finally {
            pool.shutdownNow();
        }
        setupMillis = System.currentTimeMillis() - begin;
        System.out.println("mixed-flow setup: " + PAIRS.size() + " enterprises, " + 2 * PAIRS.size()
                + " persons in " + setupMillis + " ms");
        startedAt = System.currentTimeMillis();
    }

    @Override
    public void after() {
        long from = WARMUP * 1000L;
        long to = (WARMUP + DURATION) * 1000L;
        List<Long> flows = Bench.inWindow(FLOWS, from, to);
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        long requests = 0;
        for (String name : STEPS) {
            List<Long> latencies = Bench.inWindow(REQUESTS.getOrDefault(name, new ConcurrentLinkedQueue<>()), from, to);
            steps.put(name, latencies);
            requests += latencies.size();
        }
        StringBuilder out = new StringBuilder();
        out.append("users=").append(USERS).append('\n');
        out.append("window_s=").append(DURATION).append('\n');
        out.append("setup_ms=").append(setupMillis).append('\n');
        out.append("flows=").append(flows.size()).append('\n');
        out.append("failed=").append(FAILED.get()).append('\n');
        out.append("flows_per_s=").append(String.format(Locale.ROOT, "%.2f", flows.size() / (double) DURATION)).append('\n');
        out.append("requests=").append(requests).append('\n');
        out.append("requests_per_s=").append(String.format(Locale.ROOT, "%.2f", requests / (double) DURATION)).append('\n');
        out.append("flow_p50_ms=").append(percentile(flows, 50)).append('\n');
        out.append("flow_p95_ms=").append(percentile(flows, 95)).append('\n');
        out.append("flow_p99_ms=").append(percentile(flows, 99)).append('\n');
        List<Long> all = new ArrayList<>();
        steps.values().forEach(all::addAll);
        Collections.sort(all);
        out.append("request_p50_ms=").append(percentile(all, 50)).append('\n');
        out.append("request_p95_ms=").append(percentile(all, 95)).append('\n');
        out.append("request_p99_ms=").append(percentile(all, 99)).append('\n');
        for (Map.Entry<String, List<Long>> step : steps.entrySet()) {
            String key = step.getKey().replaceAll("[^a-z]+", "_").replaceAll("_$", "");
            out.append(key).append("_p50_ms=").append(percentile(step.getValue(), 50)).append('\n');
            out.append(key).append("_p95_ms=").append(percentile(step.getValue(), 95)).append('\n');
            out.append(key).append("_p99_ms=").append(percentile(step.getValue(), 99)).append('\n');
        }
        writeFigures(OUT, "mixed-flow", out);
    }
}
