package gov.etax.identity.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against a running application, JSON in and out, optionally with a bearer token. */
public final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String bearer;

    public HttpJson(String baseUrl) {
        this(baseUrl, null);
    }

    private HttpJson(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** The same application, called with this access token. */
    public HttpJson as(String accessToken) {
        return new HttpJson(baseUrl, accessToken);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {
        public String text(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    public Response post(String path, Object body) {
        return withBody("POST", path, body);
    }

    /** A POST with one extra request header, e.g. {@code Idempotency-Key}. */
    public Response post(String path, Object body, String header, String value) {
        return withBody("POST", path, body, header, value);
    }

    public Response put(String path, Object body) {
        return withBody("PUT", path, body);
    }

    private Response withBody(String method, String path, Object body) {
        return withBody(method, path, body, null, null);
    }

    private Response withBody(String method, String path, Object body, String header, String value) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = request(path);
            if (header != null) {
                request.header(header, value);
            }
            return send(request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET with one extra request header, e.g. {@code Consistency-Token}. */
    public Response get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode node = contentType.contains("json") && raw != null && !raw.isBlank() ? JSON.readTree(raw) : null;
            return new Response(response.statusCode(), contentType, node, raw, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
