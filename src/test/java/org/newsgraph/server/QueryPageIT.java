package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): opens {@code /}, runs the canned query "roles" from the list,
 * and finds the MQM chairman in the result table; saves a screenshot to
 * {@code target/query-page.png}. The sample article goes through the real pipeline.
 */
class QueryPageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    private static GraphStore store;
    private static NewsServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void serveAndOpenABrowser() {
        store = GraphStore.inMemory();
        try (Stream<ReadResult> articles = ArticleReader.create().read(List.of(Path.of("data/articles")))) {
            Ingester.builder(store).build().ingestAll(articles);
        }
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

    /** Opens the query page as on a first visit: YASGUI keeps tabs and results in local storage. */
    private static WebDriverWait openQueryPage() {
        browser.get(server.url());
        browser.executeScript("window.localStorage.clear();");
        browser.navigate().refresh();
        return new WebDriverWait(browser, WAIT);
    }

    @Test
    void aCannedQueryRunFromThePageShowsTheChairmanInTheResultTable() throws IOException {
        WebDriverWait wait = openQueryPage();

        WebElement run = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("li.canned-query[data-name='roles'] button.run")));
        run.click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tabPanel.active .yasr table.dataTable tbody")));
        wait.until(ExpectedConditions.textToBePresentInElement(table, "Khalid Maqbool Siddiqui"));

        String results = table.getText();
        assertTrue(results.contains("Khalid Maqbool Siddiqui"), results);
        assertTrue(results.contains("chairman"), results);
        assertEquals(List.of(), browser.findElements(By.cssSelector("#canned-list .error")).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).toList());

        browser.executeScript("document.getElementById('canned').scrollTop = 0;");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/query-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void entityIrisInTheResultTableLinkToTheEntityPage() {
        WebDriverWait wait = openQueryPage();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tabsList .tab:first-child a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tabPanel.active .yasqe_queryButton"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tabPanel.active .yasr table.dataTable a.iri")));

        List<WebElement> links = browser.findElements(By.cssSelector(".tabPanel.active .yasr a.iri"));
        assertFalse(links.isEmpty());
        for (WebElement a : links) {
            assertTrue(a.getAttribute("href").startsWith(server.url() + "entity?iri=https%3A%2F%2Fw3id.org%2Fnewsgraph%2F"),
                    a.getAttribute("href"));
        }
    }

    @Test
    void theEntityPageOpensInTheBrowser() {
        browser.get(server.url() + "entity?iri=" + ServerFixtures.q("https://w3id.org/newsgraph/person/khalid-maqbool-siddiqui"));

        assertEquals("Khalid Maqbool Siddiqui", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("chairman"));
    }
}
