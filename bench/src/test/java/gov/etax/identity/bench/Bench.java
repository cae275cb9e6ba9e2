package gov.etax.identity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What every simulation and tool of the benchmark shares: its knobs and how it writes its figures. */
final class Bench {

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
}
