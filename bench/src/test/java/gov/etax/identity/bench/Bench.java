package gov.etax.identity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every simulation and tool of the benchmark shares: its knobs and how it writes its figures. */
final class Bench {

    private static final Pattern FACE_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private Bench() {
    }

    /** A knob from the environment, or its default when unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Nearest-rank percentile of sorted samples; -1 without samples. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * The figures every closed-loop simulation reports: how many requests answered in the window,
     * how many failed or were turned away busy, the rate, and p50/p95/p99 of the sorted latencies.
     */
    static void appendRateAndLatencies(StringBuilder out, String countKey, List<Long> sortedLatencies, long failed,
                                       long busy, int windowSeconds) {
        out.append(countKey).append('=').append(sortedLatencies.size()).append('\n');
        out.append("failed=").append(failed).append('\n');
        out.append("busy=").append(busy).append('\n');
        out.append("rps=").append(String.format(Locale.ROOT, "%.2f", sortedLatencies.size() / (double) windowSeconds))
                .append('\n');
        out.append("p50_ms=").append(percentile(sortedLatencies, 50)).append('\n');
        out.append("p95_ms=").append(percentile(sortedLatencies, 95)).append('\n');
        out.append("p99_ms=").append(percentile(sortedLatencies, 99)).append('\n');
    }

    /**
     * The latencies ({@code [1]}) of the samples whose completion ({@code [0]}, ms since the start)
     * falls in {@code [from, to)}, sorted.
     */
    static List<Long> inWindow(Collection<long[]> samples, long from, long to) {
        List<Long> latencies = new ArrayList<>();
        for (long[] s : samples) {
            if (s[0] >= from && s[0] < to) {
                latencies.add(s[1]);
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** Microseconds as milliseconds with one decimal; -1 stays -1 (no samples). */
    static String millis(long micros) {
        return micros < 0 ? "-1" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** Writes the {@code key=value} lines where scripts/bench.sh reads them, and shows them. */
    static void writeFigures(Path out, String what, CharSequence figures) {
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, figures.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(what + " figures (" + out + "):\n" + figures);
    }

    /**
     * Sends a setup request, and again after the {@code Retry-After} of each 503 (HASHING_BUSY: all
     * hashing permits taken), as a client should; up to 30 times.
     */
    static HttpResponse<String> sendSetup(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || attempt == 30) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            TimeUnit.SECONDS.sleep(Math.max(1, seconds));
        }
    }

    private static final HttpClient SETUP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A setup request (JSON POST to the command side) that must answer {@code expected}; its body. */
    static String post(String commandUrl, String path, String json, int expected) {
        try {
            HttpResponse<String> response = sendSetup(SETUP_CLIENT, HttpRequest.newBuilder()
                    .uri(URI.create(commandUrl + path)).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern HASH_CPU_SECONDS = Pattern.compile("(?m)^etax_password_hash_cpu_seconds_sum\\S* (\\S+)$");

    /**
     * CPU milliseconds the command side has spent hashing passwords since it started, from its timer
     * {@code etax.password.hash.cpu} at {@code /actuator/prometheus}; -1 where it cannot be read.
     */
    static double hashCpuMillis(String commandUrl) {
        try {
            HttpResponse<String> response = SETUP_CLIENT.send(HttpRequest.newBuilder()
                    .uri(URI.create(commandUrl + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher sum = HASH_CPU_SECONDS.matcher(response.body());
            return response.statusCode() == 200 && sum.find() ? Double.parseDouble(sum.group(1)) * 1000 : -1;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A face scan on the dev simulator for the resident ID number; its one-time token. */
    static String faceToken(String commandUrl, String document) {
        Matcher token = FACE_TOKEN.matcher(post(commandUrl, "/api/dev/face-scans",
                "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"" + document + "\",\"outcome\":\"PASSED\"}", 201));
        if (!token.find()) {
            throw new IllegalStateException("the face scan simulator answered without a token");
        }
        return token.group(1);
    }

    /**
     * Registers person number {@code n} (face scan first, then the phone's REGISTRATION code from the
     * dev outbox) with the bench's password; their ID number.
     */
    static String register(String commandUrl, long n, String password) {
        String document = RegistrationSimulation.residentIdNumber(n);
        String phone = RegistrationSimulation.phone(n);
        String face = faceToken(commandUrl, document);
        post(commandUrl, "/api/sms-challenges", "{\"phone\":\"" + phone + "\",\"purpose\":\"REGISTRATION\","
                + "\"faceVerificationToken\":\"" + face + "\"}", 202);
        post(commandUrl, "/api/persons/registrations", "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\""
                + document + "\",\"name\":\"王小明\",\"phone\":\"" + phone + "\",\"password\":\""
                + password + "\",\"faceVerificationToken\":\"" + face + "\",\"smsCode\":\"" + lastCode(commandUrl, phone)
                + "\"}", 201);
        return document;
    }

    private static final Pattern SMS_CODE = Pattern.compile("验证码为(\\d{6})");

    /** The newest code the dev SMS outbox holds for the phone. */
    static String lastCode(String commandUrl, String phone) {
        try {
            HttpResponse<String> outbox = SETUP_CLIENT.send(HttpRequest.newBuilder()
                    .uri(URI.create(commandUrl + "/api/dev/sms?phone=" + phone)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher code = SMS_CODE.matcher(outbox.body());
            String last = null;
            while (code.find()) {
                last = code.group(1);
            }
            if (last == null) {
                throw new IllegalStateException("no SMS code in the dev outbox for " + phone);
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
