package gov.etax.identity.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the hash-bound targets: the command side's password check and nothing else, behind
 * the JDK's own HTTP server. {@code POST /api/hash} with {@code {"password":"…"}} hashes it with the
 * command side's Argon2id parameters and salt length, compares with a stored hash in constant time and
 * answers 201 (match) or 401. One hash per core at once, as the command side admits them; requests
 * beyond that wait in the server's queue. Driven by {@link HashOnlySimulation} with the same load tool,
 * clients and machine as the sign-ins, its rate is what any application can reach here whose only
 * work is the hash: the share of the hash-bound ceiling left once HTTP, the load generator and two
 * hashes sharing the chip have taken theirs. Runs until killed; {@code PORT} (18090).
 */
public final class HashOnlyServer {

    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]*)\"");

    private final Function<String, byte[]> hash = HashCost.nativeArgon2id();
    private final byte[] stored = hash.apply("Secret#2024");

    private HashOnlyServer() {
    }

    private void check(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Matcher password = PASSWORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod()) || !password.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            boolean matches = MessageDigest.isEqual(stored, hash.apply(password.group(1)));
            byte[] body = ("{\"matches\":" + matches + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(matches ? 201 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(Bench.env("PORT", "18090"));
        HashOnlyServer hashes = new HashOnlyServer();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/api/hash", hashes::check);
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
        server.start();
        System.out.println("hash-only server on " + port);
    }
}
