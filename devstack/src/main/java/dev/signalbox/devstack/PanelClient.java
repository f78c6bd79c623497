package dev.signalbox.devstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the panel's REST API ({@code /api/v1}) as the console does (session cookie plus the {@code
 * X-XSRF-TOKEN} header) or as a CI pipeline does (an API token as bearer).
 */
public final class PanelClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI apiBase;
    private final HttpClient http;
    private final @Nullable CookieManager cookies;
    private final @Nullable String token;

    private PanelClient(URI apiBase, @Nullable CookieManager cookies, @Nullable String token) {
        this.apiBase = apiBase;
        this.cookies = cookies;
        this.token = token;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        this.http = builder.build();
    }

    /** A browser-like client that keeps cookies; call {@code /signup} or {@code /session} first. */
    public static PanelClient console(URI panelUrl) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        return new PanelClient(panelUrl.resolve("/api/v1/"), cookies, null);
    }

    /** A client that authenticates every call with an API token, as CI would. */
    public static PanelClient withToken(URI panelUrl, String token) {
        return new PanelClient(panelUrl.resolve("/api/v1/"), null, token);
    }

    /** A failed call: the status and the problem+json body the panel answered with. */
    public static final class CallFailed extends RuntimeException {
        private final int status;

        CallFailed(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a request; answers the parsed body (empty object for none) or throws {@link CallFailed}. */
    public JsonNode send(String method, String path, @Nullable Object body) {
        URI uri = apiBase.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean unsafe = !"GET".equals(method);
        if (unsafe && cookies != null && xsrfToken() == null) {
            primeXsrfCookie();
        }
        String xsrf = xsrfToken();
        if (xsrf != null && unsafe) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + uri, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new CallFailed(method + " " + uri, response.statusCode(), response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Any answer from the panel sets the XSRF-TOKEN cookie; a 401 here is expected. */
    private void primeXsrfCookie() {
        try {
            http.send(HttpRequest.newBuilder(apiBase.resolve("session")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("Panel unreachable at " + apiBase + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private @Nullable String xsrfToken() {
        if (cookies == null) {
            return null;
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
