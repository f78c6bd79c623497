package dev.signalbox.panel.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.support.contract.ContractValidator;
import dev.signalbox.panel.support.contract.Exchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client of the panel: keeps cookies, echoes the XSRF-TOKEN cookie in
 * X-XSRF-TOKEN on unsafe requests, and can instead authenticate with a bearer token. Every request
 * and response is checked against openapi.yaml ({@link ContractValidator}).
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractValidator CONTRACT = ContractValidator.shared();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private @Nullable String bearerToken;
    private boolean sendCsrfHeader = true;
    private @Nullable String forwardedFor;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client that authenticates with the API token only (no cookies at all). */
    public ApiClient withToken(String token) {
        ApiClient client = new ApiClient(baseUrl);
        client.bearerToken = token;
        return client;
    }

    /** Claims to come from {@code address} through a proxy (honoured only where the panel trusts forward headers). */
    public ApiClient forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    public ApiClient withoutCsrfHeader() {
        sendCsrfHeader = false;
        return this;
    }

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Response expectStatus(int expected) {
            assertThat(status).as("status of %s %s, body %s", raw.request().method(), raw.request().uri(), body)
                    .isEqualTo(expected);
            return this;
        }

        public Response expectProblem(int expected) {
            expectStatus(expected);
            assertThat(contentType).as("content type of %s", body).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").asString()).startsWith("https://signalbox.dev/problems/");
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            assertThat(problem.path("title").asString()).isNotBlank();
            return this;
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public List<String> setCookies() {
            return raw.headers().allValues("set-cookie");
        }
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response send(String method, String path, @Nullable String body, @Nullable String contentType) {
        return send(method, path, body, contentType, "application/json, application/problem+json");
    }

    public Response sendAccepting(String method, String path, String accept) {
        return send(method, path, null, null, accept);
    }

    /** A JSON request (body may be null) with extra headers, e.g. If-Match or Idempotency-Key. */
    public Response send(String method, String path, @Nullable String body, Map<String, String> headers) {
        return send(method, path, body, body == null ? null : "application/json",
                "application/json, application/problem+json", headers);
    }

    private Response send(String method, String path, @Nullable String body, @Nullable String contentType,
            String accept) {
        return send(method, path, body, contentType, accept, Map.of());
    }

    /** Sends with extra request headers and any Content-Type (e.g. application/yaml). */
    public Response send(String method, String path, @Nullable String body, @Nullable String contentType,
            Map<String, String> headers) {
        return send(method, path, body, contentType, "application/json, application/problem+json", headers);
    }

    /** Every exchange is checked against openapi.yaml: a violation fails the calling test right here. */
    private Response send(String method, String path, @Nullable String body, @Nullable String contentType,
            String accept, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extraHeaders);
        if (bearerToken != null) {
            headers.put("Authorization", "Bearer " + bearerToken);
        }
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        if (sendCsrfHeader && !method.equals("GET")) {
            csrfToken().ifPresent(token -> headers.put("X-XSRF-TOKEN", token));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        CONTRACT.assertValid(new Exchange(method, path, headers, body, response.statusCode(), response.headers().map(),
                response.body()));
        return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body(), response);
    }

    public Optional<String> csrfToken() {
        return cookie("XSRF-TOKEN").map(HttpCookie::getValue);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }
}
