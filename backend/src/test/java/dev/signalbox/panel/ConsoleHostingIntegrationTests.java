package dev.signalbox.panel;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleHostingIntegrationTests extends PanelIntegrationTest {

    @Test
    void theConsoleIsPublicAndItsRoutesReloadToTheIndexPage() {
        ApiClient browser = newClient();
        ApiClient.Response index = browser.sendAccepting("GET", "/", "text/html");
        index.expectStatus(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).containsIgnoringCase("<html");

        ApiClient.Response route = browser.sendAccepting("GET", "/load-balancers/some-id", "text/html");
        route.expectStatus(200);
        assertThat(route.body()).isEqualTo(index.body());

        String asset = index.body().replaceAll("(?s).*?(/assets/[^\"]+\\.js).*", "$1");
        ApiClient.Response script = browser.sendAccepting("GET", asset, "*/*");
        script.expectStatus(200);
        assertThat(script.contentType()).contains("javascript");

        browser.sendAccepting("GET", "/assets/missing.js", "*/*").expectStatus(404);
        browser.get("/api/v1/unknown").expectProblem(401);
        assertThat(browser.csrfToken()).as("the console can read the CSRF token from the first page load").isPresent();
    }
}
