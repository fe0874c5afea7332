package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recoup.store.TemporaryFolders;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The finance dashboard in a real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded)
 * against the running application on the sample's first three days: a person signs in, reads the aging with its chart,
 * resolves the sample's unknown payment from the exceptions queue and sees it leave the queue. Screenshots of the main
 * pages go to target/screens (or {@code recoup.screens}) when that folder can be written. Skipped, not failed, only
 * where the machine has no Chromium; CI installs it (.ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests"})
class DashboardBrowserIT {
    private static final Path HOME = TemporaryFolders.create("recoup-dashboard-it");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String UNKNOWN = "DEMO-ASR-20260304-0002";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoJob demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    private WebDriver browser;
    private WebDriverWait waiting;
    private final Path screens = Path.of(System.getProperty("recoup.screens", "target/screens"));

    @BeforeEach
    void theSampleDays() {
        demo.runDays(new DemoOptions(DemoOptions.SAMPLE_START, 3, true), null);
    }

    private void startChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (apt-get install chromium chromium-driver): the browser test needs a browser");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // an upper bound for the page to settle, not a measurement: the test never asserts how fast anything is
        waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pagesAskForASignInAndAFormWithoutItsCsrfTokenChangesNothing() {
        ResponseEntity<String> page = http.getForEntity("/ui/exceptions", String.class);
        if (page.getStatusCode().is3xxRedirection()) {
            assertThat(page.getHeaders().getLocation()).hasPath("/ui/login");
        } else {
            assertThat(page.getBody()).contains("name=\"password\"").doesNotContain(UNKNOWN);
        }

        long receipt = jdbc.queryForObject("select id from receipt where provider_id = ?", Long.class, UNKNOWN);
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> forged = http.withBasicAuth("admin", "s3cret-for-tests").postForEntity(
                "/ui/exceptions/" + receipt + "/not-ours", new HttpEntity<>("reason=forged", form), String.class);
        // refused before anything runs (401 or 403 depending on which filter answers first): never a redirect to a change
        assertThat(forged.getStatusCode().is4xxClientError()).as(forged.getStatusCode().toString()).isTrue();
        assertThat(jdbc.queryForObject("select status from receipt where id = ?", String.class, receipt)).isEqualTo("UNMATCHED");
        // the API's own chain is untouched: HTTP Basic, no session, no form
        assertThat(http.getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPersonSignsInReadsTheAgingAndResolvesAnExceptionThatThenLeavesTheQueue() {
        startChromium();
        browser.get(url("/ui/aging"));
        waiting.until(ExpectedConditions.urlContains("/ui/login"));
        screenshot("01-sign-in");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("s3cret-for-tests");
        browser.findElement(By.id("sign-in")).click();

        waiting.until(ExpectedConditions.urlContains("/ui/aging"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Aging");
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".aging-chart canvas")));
        screenshot("02-aging");
        // on 03-04: INV-1001 is paid by that day's statement, 1005 and 1006 (99.00 + 640.00) are not due yet, 1002, 1003 and
        // 1004 (450.00 + 800.00 + 320.50) are 2 to 12 days late, 1009 (2,480.00, the legal letter's) is 28 days late, and
        // the one USD item is due tomorrow
        assertThat(browser.findElements(By.cssSelector("#table-aging tbody tr")).stream().map(WebElement::getText))
                .containsExactly("csv EUR not due 2 739.00", "csv EUR 1-30 4 4,050.50", "csv USD not due 1 150.00");
        assertThat(browser.findElements(By.cssSelector(".aging-chart"))).extracting(e -> e.getAttribute("data-currency"))
                .containsExactly("EUR", "USD");

        browser.findElement(By.id("nav-exceptions")).click();
        By unknown = By.xpath("//tr[contains(@class, 'receipt')][td[text()='" + UNKNOWN + "']]");
        WebElement row = waiting.until(ExpectedConditions.presenceOfElementLocated(unknown));
        assertThat(row.getText()).contains("75.00").contains("GB**6819").doesNotContain("GB29");
        screenshot("03-exceptions");
        row.findElement(By.cssSelector("form.not-ours input[name=reason]")).sendKeys("meant for our sister company");
        row.findElement(By.cssSelector("form.not-ours button")).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.done"), "marked as not ours"));
        assertThat(browser.findElements(unknown)).isEmpty();
        screenshot("04-exceptions-resolved");
        assertThat(jdbc.queryForObject("select status from receipt where provider_id = ?", String.class, UNKNOWN)).isEqualTo("NOT_OURS");
        assertThat(jdbc.queryForList("select why from event_log where actor = 'admin' and what like '%not ours%'", String.class))
                .singleElement().isEqualTo("meant for our sister company");

        disputeFromTheCustomerPage();
        exportsTablesAsCsv();
        visitTheOtherPages();
        uploadsAPolicySeesItsProblemsThenSimulatesAValidOne();
    }

    /** An invalid policy shows each problem under its line; a valid one is simulated beside the live policy. */
    private void uploadsAPolicySeesItsProblemsThenSimulatesAValidOne() {
        upload(PolicyApiIT.bundled("default.yaml").replace("channels: [whatsapp]", "channels: [fax]"));
        WebElement problems = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("policy-problems")));
        assertThat(problems.getText()).contains("ladders.default.steps[3].channels[0]: ").contains("(line 24, column 20)");
        assertThat(browser.findElement(By.id("policy-line-24")).getAttribute("class")).contains("refused");
        assertThat(browser.findElements(By.id("policy-activate"))).isEmpty();
        screenshot("11-policy-invalid");

        upload(PolicyApiIT.bundled("strict.yaml"));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-simulate button"))).click();
        WebElement outcome = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("table-policy-outcome")));
        assertThat(outcome.getText()).contains("draft: strict v2").contains("customers reached").contains("items with no action");
        assertThat(browser.findElements(By.cssSelector("#table-policy-sample tbody tr"))).isNotEmpty();
        screenshot("12-policy-simulation");
    }

    private void upload(String yaml) {
        browser.get(url("/ui/policies"));
        WebElement text = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#policy-upload-form textarea")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", text, yaml);
        browser.findElement(By.cssSelector("#policy-upload-form button")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("policy-draft")));
    }

    /** A person disputes an open item from its customer's page: the hold is recorded under their name and on the timeline. */
    private void disputeFromTheCustomerPage() {
        browser.get(url("/ui/customers/csv/C200"));
        WebElement item = waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='table-items']//tr[td[text()='1003']]")));
        item.findElement(By.tagName("summary")).click();
        item.findElement(By.cssSelector("form[action$='/dispute'] input[name=reason]")).sendKeys("the goods came damaged");
        item.findElement(By.cssSelector("form[action$='/dispute'] button")).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.done"), "disputed"));
        assertThat(browser.findElement(By.id("table-timeline")).getText()).contains("dispute item INV-2026-1003 ACTIVE")
                .contains("the goods came damaged (by admin)");
        screenshot("10-customer-dispute");
        assertThat(jdbc.queryForList("select h.kind, h.created_by from hold h join open_item i on i.id = h.item_id "
                + "where i.external_id = '1003'")).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("kind", "DISPUTE").containsEntry("created_by", "admin"));
    }

    /** The exports stream every row with a header line, in the page's order, to the signed-in person's session. */
    private void exportsTablesAsCsv() {
        assertThat(download("/ui/export/exceptions.csv")).containsExactly(
                "receipt,provider,bank_reference,status,currency,amount,unallocated,booked_on,payer_name,payer_iban,remittance,reason");
        List<String> needs = download("/ui/export/needs-person.csv");
        assertThat(needs.get(0)).isEqualTo("kind,ref,source,customer,name,risk,currency,amount,open_now,reason,risk_reasons,since");
        assertThat(needs).hasSize(3);
        assertThat(needs.get(1)).contains(",csv,C400,Verde Instalações Lda,0,EUR,640.00,");
        assertThat(needs.get(2)).contains(",csv,C300,Lumen Studio SARL,0,EUR,320.50,");
        List<String> trend = download("/ui/export/dso-trend.csv");
        assertThat(trend.get(0)).isEqualTo("currency,month_end,open,current,credit_sales,dso_standard,dso_countback,cei_percent");
        assertThat(trend).hasSize(1 + 12 * (int) (long) jdbc.queryForObject("select count(distinct currency) from open_item", Long.class));
    }

    private List<String> download(String path) {
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", path);
        return csv.lines().toList();
    }

    /** Each main page opens for the signed-in person, with its heading, and is kept as a screenshot. */
    private void visitTheOtherPages() {
        String customer = jdbc.queryForObject("select external_id from customer order by id limit 1", String.class);
        for (String[] page : new String[][] {{"/ui/needs-person", "Needs a person", "05-needs-a-person"},
                {"/ui/scheduled", "Scheduled for the next 14 days", "06-scheduled"}, {"/ui/failed", "Failed sends", "07-failed"},
                {"/ui/dso", "Days sales outstanding", "08-dso"}, {"/ui/customers/csv/" + customer, null, "09-customer"}}) {
            browser.get(url(page[0]));
            WebElement heading = waiting.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            if (page[1] != null) {
                assertThat(heading.getText()).isEqualTo(page[1]);
            }
            screenshot(page[2]);
        }
        assertThat(browser.findElements(By.cssSelector("#table-timeline tbody tr"))).isNotEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        if (!Files.isDirectory(screens) && !screens.toFile().mkdirs()) {
            return;
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screens.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the screenshot " + name, e);
        }
    }
}
