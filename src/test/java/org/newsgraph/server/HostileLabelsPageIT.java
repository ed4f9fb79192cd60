package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.HOSTILE;
import static org.newsgraph.server.ServerFixtures.HOSTILE_LABEL;
import static org.newsgraph.server.ServerFixtures.HOSTILE_QUOTE;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.GraphStore;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Names and quotes that are HTML with script in them ({@code window.__xss = ...}) show as text,
 * and run nothing, in the query page's result table (YASGUI) and on the entity page, in headless
 * Chromium. No NLP: the hostile article is written into the store by hand.
 */
class HostileLabelsPageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    private static GraphStore store;
    private static NewsServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void serveAndOpenABrowser() {
        store = ServerFixtures.sampleStore();
        ServerFixtures.addHostileArticle(store);
        server = NewsServer.builder().store(store).port(0).queries(QueryCatalog.builtIn()).build().start();
        browser = HeadlessChromium.start(tmp.resolve("profile"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    /** What an injected script would have set; null while none ran. */
    private static Object injected() {
        return browser.executeScript("return window.__xss === undefined ? null : String(window.__xss);");
    }

    @Test
    void theResultTableShowsHostileNamesAsTextAndRunsNoScript() {
        browser.get(server.url());
        browser.executeScript("window.localStorage.clear();");
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("li.canned-query[data-name='top-entities'] button.run"))).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tabPanel.active .yasr table.dataTable tbody")));
        wait.until(ExpectedConditions.textToBePresentInElement(table, "window.__xss"));

        String cells = table.getText();
        assertTrue(cells.contains(HOSTILE_LABEL), "the name as written:\n" + cells);
        assertTrue(cells.contains("<script>alert('x')</script> Evil & Co"), cells);
        assertEquals(0, browser.findElements(By.cssSelector(".yasr table.dataTable b")).size(), "no markup from data");
        assertNull(injected(), "no injected script ran");
    }

    @Test
    void theEntityPageShowsAHostileNameAndQuoteAsTextAndRunsNoScript() {
        browser.get(server.url() + "entity?iri=" + ServerFixtures.q(HOSTILE));

        assertEquals(HOSTILE_LABEL, browser.findElement(By.tagName("h1")).getText());
        String main = browser.findElement(By.tagName("main")).getText();
        assertTrue(main.contains(HOSTILE_QUOTE), main);
        assertEquals(0, browser.findElements(By.cssSelector("main img, main svg, main b, script:not([src])")).size(),
                "no element made from the data");
        assertNull(injected(), "no injected script ran");
    }
}
