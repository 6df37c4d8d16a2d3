package org.sahaya.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The harness itself: chromium is there (else this fails, saying what to install), starts headless at
 * phone size, and a page sees the position the test sets.
 */
@Tag("browser")
class ChromiumTest {

    @Test
    void chromiumIsInstalledWhereTheBrowserTestsLookForIt() {
        Chromium.requireInstalled();
    }

    @Test
    void aPageSeesThePositionTheTestSets() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><meta name=viewport content='width=device-width'><title>geo</title><p id=where>waiting</p><script>navigator.geolocation"
                + ".watchPosition(p => document.getElementById('where').textContent = p.coords.latitude + ','"
                + " + p.coords.longitude)</script>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Chromium chromium = Chromium.phone()) {
            chromium.allowGeolocation(origin);
            chromium.moveTo(12.9716, 77.5946);
            chromium.open(origin + "/");
            chromium.textContains(By.id("where"), "12.9716,77.5946");
            chromium.moveTo(12.98, 77.6);
            chromium.textContains(By.id("where"), "12.98,77.6");
            assertThat(((Number) chromium.script("return window.innerWidth")).intValue()).isLessThanOrEqualTo(360);
        } finally {
            server.stop(0);
        }
    }
}
