package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web application in a real browser: Debian's headless Chromium, driven by Selenium through
 * /usr/bin/chromedriver, against the distribution started as a real process ({@link KarafProcess}; Pax Exam's
 * container runs tests inside Karaf, where a browser driver does not belong). One user's path through the screens,
 * in the order a person would take it, with axe-core run on every screen (no serious or critical violation
 * allowed) and a screenshot of each saved under target/screenshots/.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebAppIT {
    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KarafProcess karaf;
    private static WebDriver driver;
    /** A second person's browser, for the moments two people use the platform at once. */
    private static WebDriver citizen;
    private static Path citizenProfile;
    private static Path userData;
    private static String base;
    private static String axe;
    private static Path screenshots;
    private static int shot;
    /** A failed test keeps the platform's folder (its logs) for whoever looks into it. */
    private static boolean failed;
    /** The first operator's session, for what the test sets up through the API. */
    private static Http operator;

    @BeforeClass
    public static void start() throws Exception {
        File chromium = new File("/usr/bin/chromium");
        File chromedriver = new File("/usr/bin/chromedriver");
        assertTrue("Debian's chromium and chromium-driver are needed: apt-get install -y chromium chromium-driver (.ci/run does)",
                chromium.canExecute() && chromedriver.canExecute());
        axe = Files.readString(Path.of(System.getProperty("interlink.axe")), StandardCharsets.UTF_8);
        screenshots = Path.of(System.getProperty("interlink.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);

        karaf = KarafProcess.unpack("webapp");
        karaf.start();
        karaf.awaitHealthy(BOOT);
        base = "http://127.0.0.1:" + karaf.port();
        // Signed in as the first operator: the import is an operator's.
        operator = karaf.http();
        Http.Answer in = operator.signIn(Platform.OPERATOR, Platform.OPERATOR_PASSWORD);
        assertEquals(in.toString(), 200, in.status());
        Http.Answer imported = operator.post("/api/v1/admin/import", Map.of("folder", Platform.seedCatalogue().getAbsolutePath()));
        assertEquals(imported.toString(), 200, imported.status());

        userData = Files.createTempDirectory("webapp-chromium-");
        // The browser's language is Spanish: the app must follow it until the user picks another.
        driver = browser(userData, "es");
    }

    /** A headless Chromium of its own profile (cookies, storage), preferring {@code language}. */
    private static WebDriver browser(Path profile, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        WebDriver made = new ChromeDriver(service, options);
        made.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return made;
    }

    /** On a failure, the screen as it was and its HTML, beside the screenshots. */
    @Rule
    public TestWatcher evidence = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            failed = true;
            try {
                Files.write(screenshots.resolve("failed-" + d.getMethodName() + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(screenshots.resolve("failed-" + d.getMethodName() + ".html"), driver.getPageSource());
            } catch (Exception ignored) {
                // The failure itself is what matters; evidence is a bonus.
            }
        }
    };

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (driver != null) driver.quit();
            if (citizen != null) citizen.quit();
        } finally {
            if (karaf != null) {
                karaf.stop();
                if (failed) {
                    karaf.close();
                    System.out.println("WebAppIT: the platform's folder is kept: " + karaf.home());
                } else {
                    karaf.deleteHome();
                }
            }
            if (userData != null) deleteTree(userData);
            if (citizenProfile != null) deleteTree(citizenProfile);
        }
    }

    /** What the bundle serves and leaves alone, over plain HTTP. */
    @Test
    public void servesThePageAndLeavesTheRestAlone() {
        Http http = karaf.http();
        Http.Answer page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'self'"));
        assertTrue(page.body().contains("/app/app.js"));
        assertEquals(200, http.get("/index.html").status());
        Http.Answer script = http.get("/app/app.js");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").startsWith("text/javascript"));
        // Anything else is still the web bundle's 404 problem, whatever the method.
        for (String path : List.of("/nothing", "/app/missing.js", "/app/../etc/passwd", "/app/%2e%2e/x.js")) {
            Http.Answer a = http.get(path);
            assertEquals(path, 404, a.status());
            assertTrue(path + ": " + a, a.header("Content-Type").startsWith("application/problem+json"));
        }
        Http.Answer post = http.post("/", Map.of());
        assertEquals(404, post.status());
        assertTrue(post.header("Content-Type").startsWith("application/problem+json"));
        // The API, the Interlinkers' pages and the metrics are as they were; health counts every API servlet.
        assertEquals("UP", http.get("/api/v1/health").json().path("components").path("api").path("status").asText());
        assertEquals(200, http.get("/api/v1/interlinkers/checklist").status());
        assertEquals(200, http.get("/metrics").status());
        assertEquals(404, http.get("/interlinkers/checklist/assets/no-such-asset/items").status());
    }

    /** The whole path of a user and an operator. */
    @Test
    public void aUserCoProducesWhileAnOperatorUpgrades() throws Exception {
        // Home, first in the browser's language (Spanish), then in English chosen by the user.
        driver.get(base + "/");
        awaitText(By.cssSelector("header nav"), "Catálogo");
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
        // The platform's branding: its name, its logo (loaded), its primary colour behind the header.
        JsonNode branding = karaf.http().get("/api/v1/branding").json();
        awaitText(By.cssSelector("header .brand"), branding.path("name").asText());
        wait(WAIT).until(d -> ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('header .brand img'); return !!i && i.complete && i.naturalWidth > 0;"));
        String primary = branding.path("colours").path("primary").asText();
        String rgb = "rgb(" + Integer.parseInt(primary.substring(1, 3), 16) + ", " + Integer.parseInt(primary.substring(3, 5), 16) + ", "
                + Integer.parseInt(primary.substring(5, 7), 16) + ")";
        wait(WAIT).until(d -> rgb.equals(d.findElement(By.cssSelector("header.top")).getCssValue("background-color")
                .replace("rgba(", "rgb(").replaceAll(", 1\\)$", ")")));
        check("home-es");
        // Keyboard: the first Tab reaches the skip link, which takes the focus to the main content.
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        wait(WAIT).until(d -> "skip".equals(d.switchTo().activeElement().getAttribute("class")));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait(WAIT).until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        awaitText(By.cssSelector("header nav"), "Catalogue");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        check("home-en");
        // Accounts: one opened through the form (refused until the terms are accepted), named in the header, signed
        // out; then the first operator signs in, who is the user and the operator of the rest of the path.
        driver.findElement(By.id("sign-in-link")).click();
        await(By.id("su-name")).sendKeys("ana-web");
        awaitText(By.cssSelector("label[for=su-terms]"), "version");
        check("sign-in");
        driver.findElement(By.id("su-email")).sendKeys("ana-web@example.org");
        driver.findElement(By.id("su-password")).sendKeys("a long enough secret");
        driver.findElement(By.cssSelector("#sign-up button[type=submit]")).click();
        awaitText(By.cssSelector("#sign-up [role=alert]"), "terms");
        driver.findElement(By.id("su-terms")).click();
        driver.findElement(By.cssSelector("#sign-up button[type=submit]")).click();
        awaitText(By.id("signed-in-as"), "ana-web");
        check("signed-up");
        driver.findElement(By.id("sign-out")).click();
        await(By.id("sign-in-link")).click();
        await(By.id("si-name")).sendKeys(Platform.OPERATOR);
        driver.findElement(By.id("si-password")).sendKeys("not the password");
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        await(By.cssSelector("#sign-in [role=alert]"));
        driver.findElement(By.id("si-password")).clear();
        driver.findElement(By.id("si-password")).sendKeys(Platform.OPERATOR_PASSWORD);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        awaitText(By.id("signed-in-as"), Platform.OPERATOR);
        // A process that does not exist: the API's problem in words.
        driver.get(base + "/#/processes/no-such-process/overview");
        WebElement missing = awaitText(By.cssSelector("[role=alert]"), "no-such-process");
        assertFalse(missing.getText(), missing.getText().contains("Exception"));

        // Catalogue: a search, then a facet.
        driver.findElement(By.linkText("Catalogue")).click();
        WebElement q = await(By.id("q"));
        q.sendKeys("stakeholder");
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().contains("q=stakeholder"));
        int all = count(awaitText(By.id("result-count"), "Interlinkers"));
        assertTrue("the search finds something", all > 0);
        WebElement knowledge = await(By.cssSelector("input[data-facet=nature][data-value=knowledge]"));
        knowledge.click();
        wait(WAIT).until(d -> d.getCurrentUrl().contains("nature=knowledge"));
        wait(WAIT).until(ExpectedConditions.elementSelectionStateToBe(By.cssSelector("input[data-facet=nature][data-value=knowledge]"), true));
        int filtered = count(driver.findElement(By.id("result-count")));
        assertTrue(filtered + " of " + all, filtered > 0 && filtered <= all);
        for (WebElement card : driver.findElements(By.cssSelector("#results-list li"))) {
            assertTrue(card.getText(), card.getText().contains("Knowledge"));
        }
        check("catalogue");

        // An Interlinker's profile, with a rating.
        driver.get(base + "/#/interlinkers/checklist");
        awaitText(By.id("page-title"), "Checklist");
        new Select(driver.findElement(By.id("rating-value"))).selectByValue("4");
        driver.findElement(By.id("rating-text")).sendKeys("Clear and quick");
        // The rating is the signed-in account's.
        driver.findElement(By.cssSelector("section[aria-labelledby=ratings] button[type=submit]")).click();
        awaitText(By.cssSelector("[role=status].notice"), "Thank you");
        awaitText(By.cssSelector("section[aria-labelledby=ratings]"), "Clear and quick");
        check("profile");
        // A seed guide: its HTML description as text, its Markdown instructions as headings and paragraphs, its
        // snapshots loaded.
        driver.get(base + "/#/interlinkers/stakeholder_engagement_kit");
        awaitText(By.id("page-title"), "Stakeholder engagement KIT");
        awaitText(By.cssSelector(".instructions h3"), "How to use this INTERLINKER");
        assertFalse(driver.findElement(By.tagName("main")).getText().contains("<p>"));
        wait(WAIT).until(d -> ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelectorAll('.snapshots img'); return i.length > 0 && [...i].every(x => x.complete && x.naturalWidth > 0);"));
        check("profile-knowledge");

        // An operator installs the test Interlinker by upload; a user will work with it while it is upgraded.
        driver.get(base + "/#/operator");
        awaitText(By.cssSelector("tr[data-interlinker=checklist]"), "0.1.0");
        driver.findElement(By.id("install-file")).sendKeys(Fixtures.jar("sample").toAbsolutePath().toString());
        driver.findElement(By.cssSelector("section[aria-labelledby=install-title] button[type=submit]")).click();
        awaitText(By.cssSelector("[role=status].notice"), "Installed");
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "0.1.0");
        // Installing nothing is explained, not attempted.
        driver.findElement(By.cssSelector("section[aria-labelledby=install-title] button[type=submit]")).click();
        awaitText(By.cssSelector("[role=alert]"), "Choose a jar file first");

        // Schemas, then a process from the default one.
        driver.findElement(By.linkText("Schemas")).click();
        awaitText(By.id("page-title"), "Co-production schemas");
        await(By.cssSelector("a[href='#/new?schema=default']"));
        check("schemas");
        driver.findElement(By.cssSelector("a[href='#/schemas/default']")).click();
        awaitText(By.cssSelector("ul.tree"), "Engage");
        check("schema");
        driver.navigate().back();
        await(By.cssSelector("a[href='#/new?schema=default']")).click();
        awaitText(By.id("page-title"), "Start a co-production process");
        wait(WAIT).until(d -> "default".equals(new Select(d.findElement(By.id("p-schema"))).getFirstSelectedOption().getAttribute("value")));
        // Bad input: the API's problem, in words, never a stack trace.
        driver.findElement(By.id("create-process")).click();
        WebElement alert = await(By.cssSelector("[role=alert]"));
        assertFalse(alert.getText(), alert.getText().contains("Exception") || alert.getText().contains("\tat "));
        assertTrue(alert.getText(), alert.getText().toLowerCase().contains("name"));
        check("new-process");
        driver.findElement(By.id("p-name")).sendKeys("Green corridors");
        driver.findElement(By.id("p-aim")).sendKeys("Shade on the way to school");
        driver.findElement(By.id("create-process")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().matches(".*#/processes/[^/]+/guide$"));
        String processId = driver.getCurrentUrl().replaceAll(".*#/processes/([^/]+)/guide$", "$1");
        await(By.cssSelector("ul.tree li[data-type=phase]"));
        check("guide");

        // A task of the first phase: an asset from the checklist moves it, and its phase, forward.
        WebElement firstPhase = driver.findElement(By.cssSelector("ul.tree > li[data-type=phase]"));
        String phaseId = firstPhase.getAttribute("data-item");
        int phaseBefore = progress(phaseId);
        WebElement taskLink = firstPhase.findElement(By.cssSelector("li[data-type=task] a"));
        String taskName = taskLink.getText();
        taskLink.click();
        awaitText(By.id("task-title"), taskName);
        await(By.cssSelector("#a-interlinker option[value=checklist]"));
        new Select(driver.findElement(By.id("a-interlinker"))).selectByValue("checklist");
        driver.findElement(By.id("a-title")).sendKeys("Plan the workshop");
        driver.findElement(By.cssSelector("#add-asset button[type=submit]")).click();
        awaitText(By.id("task-assets"), "Plan the workshop");
        // A recommended guide (the starter pack's, which has a file in each language), added as it is.
        WebElement canvas = await(By.cssSelector("#recommendations a[href='#/interlinkers/stakeholder-map-canvas']"));
        String guide = canvas.getText();
        canvas.findElement(By.xpath("..")).findElement(By.tagName("button")).click();
        awaitText(By.id("task-assets"), guide);
        String taskId = driver.getCurrentUrl().replaceAll(".*/guide/([^/?]+)$", "$1");
        wait(WAIT).until(d -> statusOf(taskId).equals("In progress"));
        wait(WAIT).until(d -> progress(phaseId) > phaseBefore);
        // The asset opens in the checklist's own pages.
        String page = driver.findElement(By.cssSelector("#task-assets a")).getAttribute("href");
        assertTrue(page, page.startsWith(base + "/interlinkers/checklist/assets/"));
        assertEquals(200, karaf.http().get(page.substring(base.length())).status());
        // Dates for the workplan (set as a user's date picker would, through the input event).
        setValue("t-start", "2026-12-01");
        setValue("t-end", "2026-12-19");
        driver.findElement(By.xpath("//button[text()='Save dates']")).click();
        awaitText(By.cssSelector("[role=status].notice"), "Saved");
        check("task");

        driver.findElement(By.linkText("Overview")).click();
        await(By.cssSelector(".timeline svg"));
        awaitText(By.cssSelector("section[aria-labelledby=workplan]"), "Dec");
        check("overview");
        driver.findElement(By.linkText("Resources")).click();
        awaitText(By.id("resources"), "Plan the workshop");
        check("resources");
        driver.findElement(By.linkText("Activity")).click();
        await(By.cssSelector("#activity tbody tr"));
        check("activity");
        driver.findElement(By.linkText("Settings")).click();
        await(By.id("delete-process"));
        check("settings");

        // Back at the task, a resource from the sample Interlinker; then an operator upgrades it in another tab.
        driver.get(base + "/#/processes/" + processId + "/guide/" + taskId);
        awaitText(By.id("task-title"), taskName);
        await(By.cssSelector("#a-interlinker option[value=sample]"));
        new Select(driver.findElement(By.id("a-interlinker"))).selectByValue("sample");
        driver.findElement(By.id("a-title")).sendKeys("Before the upgrade");
        driver.findElement(By.cssSelector("#add-asset button[type=submit]")).click();
        awaitText(By.id("task-assets"), "Before the upgrade");
        String user = driver.getWindowHandle();
        // Another person in a browser of their own: a citizen whose team may work on the process, with the same
        // task open while the operator upgrades.
        Http.Answer crew = operator.post("/api/v1/teams", Map.of("name", "Upgrade crew", "type", "citizen"));
        assertEquals(crew.toString(), 201, crew.status());
        assertEquals(201, operator.post("/api/v1/teams/" + crew.json().path("id").asText() + "/members", Map.of("user", "ana-web")).status());
        Http.Answer crewGrant = operator.post("/api/v1/processes/" + processId + "/permissions",
                Map.of("team", crew.json().path("id").asText(), "access", true, "createAssets", true));
        assertEquals(crewGrant.toString(), 201, crewGrant.status());
        citizenProfile = Files.createTempDirectory("webapp-citizen-");
        citizen = browser(citizenProfile, "en");
        citizen.get(base + "/#/sign-in");
        wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.id("si-name"))).sendKeys("ana-web");
        citizen.findElement(By.id("si-password")).sendKeys("a long enough secret");
        citizen.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "ana-web"));
        citizen.get(base + "/#/processes/" + processId + "/guide/" + taskId);
        wait(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-title"), taskName));
        wait(citizen).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#a-interlinker option[value=sample]")));

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(base + "/#/operator");
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "0.1.0");
        wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("call-figures")));
        // Key figures as charts with their tables: the processes made above are counted by status.
        WebElement byStatus = wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-processes")));
        assertTrue(byStatus.getAttribute("textContent"), byStatus.findElements(By.cssSelector("tbody tr")).size() == 3);
        wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-active")));
        check("operator");
        driver.findElement(By.id("upgrade-sample")).sendKeys(Fixtures.jar("sample-v2").toAbsolutePath().toString());
        driver.findElement(By.cssSelector("tr[data-interlinker=sample] form button[type=submit]")).click();
        awaitText(By.cssSelector("[role=status].notice"), "Upgraded");
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "0.2.0");
        check("operator-upgraded");
        String operator = driver.getWindowHandle();
        driver.switchTo().window(user);

        // The citizen's page was open all along, in their own browser: their next action works, on the new version.
        new Select(citizen.findElement(By.id("a-interlinker"))).selectByValue("sample");
        citizen.findElement(By.id("a-title")).sendKeys("Ana's, after the upgrade");
        citizen.findElement(By.cssSelector("#add-asset button[type=submit]")).click();
        wait(citizen).until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-assets"), "Ana's, after the upgrade"));
        assertTrue(citizen.findElement(By.id("task-assets")).getText().contains("Before the upgrade"));
        assertTrue(citizen.findElements(By.cssSelector("[role=alert]")).isEmpty());
        citizen.quit();
        citizen = null;
        // The crew's part is over: the rights screens below start from no grant.
        assertEquals(204, WebAppIT.operator.delete("/api/v1/processes/" + processId + "/permissions/" + crewGrant.json().path("id").asText()).status());
        // So was the operator's own page on the task.
        new Select(driver.findElement(By.id("a-interlinker"))).selectByValue("sample");
        driver.findElement(By.id("a-title")).sendKeys("After the upgrade");
        driver.findElement(By.cssSelector("#add-asset button[type=submit]")).click();
        awaitText(By.id("task-assets"), "After the upgrade");
        assertTrue(driver.findElement(By.id("task-assets")).getText().contains("Before the upgrade"));
        assertTrue("no resource shows as unavailable", driver.findElements(By.cssSelector("#task-assets .status-unavailable")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertEquals("0.2.0", karaf.http().get("/api/v1/interlinkers/sample").json().path("version").asText());

        // The operator rolls back, disables and enables; the user's page keeps working after each.
        driver.switchTo().window(operator);
        driver.findElement(By.cssSelector("tr[data-interlinker=sample] button[data-action=rollback]")).click();
        awaitText(By.cssSelector("[role=status].notice"), "Rolled back");
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "0.1.0");
        driver.findElement(By.cssSelector("tr[data-interlinker=sample] button[data-action=disable]")).click();
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "Disabled");
        driver.findElement(By.cssSelector("tr[data-interlinker=sample] button[data-action=enable]")).click();
        awaitText(By.cssSelector("tr[data-interlinker=sample]"), "Active");
        check("operator-rolled-back");
        driver.close();
        driver.switchTo().window(user);
        new Select(driver.findElement(By.id("a-interlinker"))).selectByValue("sample");
        driver.findElement(By.id("a-title")).sendKeys("After the rollback");
        driver.findElement(By.cssSelector("#add-asset button[type=submit]")).click();
        awaitText(By.id("task-assets"), "After the rollback");
        assertTrue(driver.findElements(By.cssSelector("#task-assets .status-unavailable")).isEmpty());
        assertEquals("0.1.0", karaf.http().get("/api/v1/interlinkers/sample").json().path("version").asText());

        // Teams and rights. The owner creates a team (in a new organisation) with a second account in it and, from
        // the permissions screen, gives it rights on the first phase; that account then finds the private process
        // under My processes.
        Http owner = WebAppIT.operator; // the API session of the same account as the browser's
        new Http(karaf.port()).signUp("bruno-web");
        new Http(karaf.port()).signUp("carla-web");
        // A public organisation first, whose teams anyone may see (and apply to).
        driver.get(base + "/#/organisations");
        await(By.id("org-name")).sendKeys("City of Parks");
        driver.findElement(By.id("create-organisation-button")).click();
        awaitText(By.id("organisations"), "City of Parks");
        check("organisations");
        driver.get(base + "/#/teams");
        awaitText(By.id("page-title"), "Teams");
        await(By.id("tm-name")).sendKeys("Green team");
        wait(WAIT).until(d -> new Select(d.findElement(By.id("tm-organisation"))).getOptions().size() > 1);
        new Select(driver.findElement(By.id("tm-organisation"))).selectByVisibleText("City of Parks");
        driver.findElement(By.id("create-team-button")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().matches(".*#/teams/[^/?]+$"));
        String teamId = driver.getCurrentUrl().replaceAll(".*#/teams/([^/?]+)$", "$1");
        awaitText(By.id("page-title"), "Green team");
        awaitText(By.id("members"), Platform.OPERATOR);
        await(By.id("member-name")).sendKeys("bruno-web");
        driver.findElement(By.cssSelector("#add-member button[type=submit]")).click();
        awaitText(By.id("members"), "bruno-web");
        check("team");
        driver.get(base + "/#/teams");
        awaitText(By.id("my-teams"), "Green team");
        check("teams");
        // The organisation's own page: its teams; its administrator changes its texts and adds an administrator.
        driver.get(base + "/#/organisations");
        await(By.linkText("City of Parks")).click();
        awaitText(By.id("organisation-teams"), "Green team");
        await(By.id("edit-org-description")).sendKeys("Parks and gardens of the city");
        driver.findElement(By.id("save-organisation")).click();
        awaitText(By.id("main"), "Parks and gardens of the city");
        await(By.id("org-admin-name")).sendKeys("carla-web");
        driver.findElement(By.cssSelector("#add-administrator button[type=submit]")).click();
        awaitText(By.id("organisation-administrators"), "carla-web");
        String orgId = driver.getCurrentUrl().replaceAll(".*#/organisations/([^/?]+)$", "$1");
        JsonNode org = owner.get("/api/v1/organisations/" + orgId).json();
        assertEquals("Parks and gardens of the city", org.path("description").path("en").asText());
        assertTrue(org.toString(), org.path("administrators").toString().contains("carla-web"));
        assertEquals("City of Parks", org.path("name").path("en").asText());
        check("organisation");

        driver.get(base + "/#/processes/" + processId + "/permissions");
        await(By.cssSelector("#g-team option[value='" + teamId + "']"));
        new Select(driver.findElement(By.id("g-team"))).selectByValue(teamId);
        new Select(driver.findElement(By.id("g-item"))).selectByValue(phaseId);
        assertTrue("access is offered ticked", driver.findElement(By.id("g-access")).isSelected());
        driver.findElement(By.id("g-create")).click();
        driver.findElement(By.id("grant")).click();
        awaitText(By.id("grants"), "Green team");
        String phaseName = owner.get("/api/v1/processes/" + processId + "/items/" + phaseId).json().path("name").asText();
        awaitText(By.id("grants"), phaseName);
        JsonNode granted = grantOf(owner, processId, teamId);
        assertEquals(teamId, granted.path("team").asText());
        assertEquals(phaseId, granted.path("item").asText());
        assertTrue(granted.toString(), granted.path("access").asBoolean() && granted.path("createAssets").asBoolean() && !granted.path("deleteAssets").asBoolean());
        // A flag changed in the table.
        driver.findElement(By.cssSelector("#grants input[data-flag=deleteAssets]")).click();
        awaitText(By.cssSelector("[role=status].notice"), "changed");
        wait(WAIT).until(d -> grantOf(owner, processId, teamId).path("deleteAssets").asBoolean());
        check("permissions");

        signInAs("bruno-web", Http.PASSWORD);
        awaitText(By.id("my-processes"), "Green corridors");
        check("my-processes");
        driver.findElement(By.cssSelector("#my-processes a[href='#/processes/" + processId + "/overview']")).click();
        awaitText(By.id("page-title"), "Green corridors");
        awaitText(By.id("my-role"), "take part");
        assertTrue("settings are for administrators", driver.findElements(By.linkText("Settings")).isEmpty());
        assertTrue("permissions are for administrators", driver.findElements(By.linkText("Team and permissions")).isEmpty());
        check("workspace-member");
        // In a task of the phase: resources may be created there, the plan changed only by administrators.
        driver.get(base + "/#/processes/" + processId + "/guide/" + taskId);
        awaitText(By.id("task-title"), taskName);
        await(By.id("add-asset"));
        assertTrue(driver.findElements(By.cssSelector("button[data-status]")).isEmpty());
        check("task-member");

        // Someone without rights does not find the private process; once it is public, they ask to take part and the
        // owner accepts them into the team.
        signInAs("carla-web", Http.PASSWORD);
        awaitText(By.id("my-processes"), "You do not");
        driver.get(base + "/#/processes/" + processId + "/overview");
        await(By.cssSelector("main [role=alert]"));
        assertEquals(200, owner.patch("/api/v1/processes/" + processId, Map.of("public", true)).status());
        driver.navigate().refresh();
        awaitText(By.id("page-title"), "Green corridors");
        awaitText(By.id("my-role"), "Public");
        assertTrue(driver.findElements(By.linkText("Settings")).isEmpty());
        await(By.id("take-part-message")).sendKeys("I live next to the school");
        driver.findElement(By.id("take-part-send")).click();
        await(By.id("take-part-pending"));
        check("take-part");
        driver.get(base + "/#/processes/" + processId + "/guide/" + taskId);
        await(By.id("no-create"));
        assertTrue(driver.findElements(By.id("add-asset")).isEmpty());

        signInAs(Platform.OPERATOR, Platform.OPERATOR_PASSWORD);
        driver.get(base + "/#/processes/" + processId + "/permissions");
        awaitText(By.id("requests"), "I live next to the school");
        await(By.cssSelector("#requests select option[value='" + teamId + "']"));
        check("participation-requests");
        driver.findElement(By.cssSelector("#requests button[data-action=accept]")).click();
        awaitText(By.cssSelector("section[aria-labelledby=requests-title]"), "No requests are waiting");
        JsonNode members = owner.get("/api/v1/teams/" + teamId + "/members").json();
        assertTrue(members.toString(), members.toString().contains("carla-web"));
        // On the team's page: an application to join (made through the API) accepted, then that member removed.
        Http dan = new Http(karaf.port()).signUp("dan-web");
        assertEquals(201, dan.post("/api/v1/teams/" + teamId + "/applications", Map.of("message", "Count me in")).status());
        driver.get(base + "/#/teams/" + teamId);
        awaitText(By.id("members"), "carla-web");
        awaitText(By.id("applications"), "Count me in");
        check("team-applications");
        driver.findElement(By.cssSelector("#applications button[data-action=accept]")).click();
        awaitText(By.id("members"), "dan-web");
        awaitText(By.cssSelector("section[aria-labelledby=applications-title]"), "No applications are waiting");
        driver.findElement(By.cssSelector("#members li[data-member=dan-web] button[data-action=remove]")).click();
        wait(WAIT).until(d -> d.findElements(By.cssSelector("#members li[data-member=dan-web]")).isEmpty());
        assertFalse(owner.get("/api/v1/teams/" + teamId + "/members").body().contains("dan-web"));
        // The grant revoked from the permissions screen.
        driver.get(base + "/#/processes/" + processId + "/permissions");
        await(By.cssSelector("#grants button[data-action=revoke]")).click();
        awaitText(By.cssSelector("section[aria-labelledby=grants-title]"), "No team has rights");
        assertEquals(0, owner.get("/api/v1/processes/" + processId + "/permissions").json().path("items").size());

        // Settings: delete the process, after saying so.
        driver.get(base + "/#/processes/" + processId + "/settings");
        WebElement delete = await(By.id("delete-process"));
        assertFalse("deleting needs the confirmation", delete.isEnabled());
        driver.findElement(By.id("s-confirm")).click();
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("delete-process"))).click();
        wait(WAIT).until(d -> d.getCurrentUrl().endsWith("#/processes"));
        awaitText(By.id("page-title"), "Co-production processes");
        assertEquals(404, karaf.http().get("/api/v1/processes/" + processId).status());
        check("processes");
    }

    /**
     * What the API grew after the first screens, through the screens: a finished process published as a story,
     * found by search and rated, its frozen copy read-only; clone and import from a process's settings and the
     * processes page; a notification arriving live in an open page and marked read; contributions assigned,
     * claimed, approved and ranked. Runs after the other tests (names in order) and leaves the browser as it found it.
     */
    @Test
    public void storiesNotificationsAndContributions() throws Exception {
        Http owner = WebAppIT.operator;
        Http bea = new Http(karaf.port()).signUp("bea-web");
        driver.get(base + "/");
        // Whoever the page says is signed in (or nobody) first, so that signing in does not race the header.
        wait(WAIT).until(d -> !d.findElements(By.id("sign-out")).isEmpty() || !d.findElements(By.id("sign-in-link")).isEmpty());
        signInAs(Platform.OPERATOR, Platform.OPERATOR_PASSWORD);
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        awaitText(By.cssSelector("header nav"), "Stories");

        // Two processes: one with the default plan (public, for contributions and clones), one finished without a plan.
        Http.Answer made = owner.post("/api/v1/processes", Map.of("name", "Shaded playgrounds", "aim", "Trees by every playground"));
        assertEquals(made.toString(), 201, made.status());
        String planned = made.json().path("id").asText();
        assertEquals(201, owner.post("/api/v1/processes/" + planned + "/schema", Map.of("schema", "default")).status());
        assertEquals(200, owner.patch("/api/v1/processes/" + planned, Map.of("public", true)).status());
        made = owner.post("/api/v1/processes", Map.of("name", "Quiet streets", "aim", "Fewer cars by the schools"));
        assertEquals(made.toString(), 201, made.status());
        String done = made.json().path("id").asText();
        Http.Answer finished = owner.patch("/api/v1/processes/" + done, Map.of("status", "finished"));
        assertEquals(finished.toString(), 200, finished.status());

        // Publishing is offered only for a finished process.
        driver.get(base + "/#/processes/" + planned + "/settings");
        assertFalse("not finished: nothing to publish", await(By.id("publish-button")).isEnabled());
        assertTrue(driver.findElement(By.id("export-process")).getAttribute("href").endsWith("/api/v1/processes/" + planned + "/export"));
        driver.get(base + "/#/processes/" + done + "/settings");
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("publish-button")));
        driver.findElement(By.id("ps-summary")).sendKeys("Streets by the schools closed to cars at school times.");
        driver.findElement(By.id("ps-keywords")).sendKeys("mobility, schools");
        driver.findElement(By.id("ps-materials")).sendKeys("Final report https://example.org/quiet-streets.pdf");
        check("settings-publish");
        driver.findElement(By.id("publish-button")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().matches(".*#/stories/[^/?]+$"));
        String storyId = driver.getCurrentUrl().replaceAll(".*#/stories/([^/?]+)$", "$1");
        awaitText(By.id("page-title"), "Quiet streets");
        awaitText(By.id("story-keywords"), "mobility");
        assertEquals("https://example.org/quiet-streets.pdf", driver.findElement(By.linkText("Final report")).getAttribute("href"));
        awaitText(By.id("story-owners"), Platform.OPERATOR);
        check("story-owner");

        // Found by search among the stories, and rated.
        driver.findElement(By.linkText("Stories")).click();
        await(By.id("stories-q")).sendKeys("schools");
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().contains("q=schools"));
        awaitText(By.id("stories-list"), "Quiet streets");
        await(By.cssSelector("input[data-keyword=mobility]")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().contains("keyword=mobility"));
        new Select(await(By.id("stories-sort"))).selectByValue("rating");
        wait(WAIT).until(d -> d.getCurrentUrl().contains("sort=rating"));
        awaitText(By.id("stories-list"), "Quiet streets");
        check("stories");
        driver.findElement(By.cssSelector("li[data-story='" + storyId + "'] h3 a")).click();
        awaitText(By.id("page-title"), "Quiet streets");
        new Select(await(By.id("story-stars"))).selectByValue("4");
        driver.findElement(By.id("story-comment")).sendKeys("We will try it too");
        driver.findElement(By.cssSelector("#rate-story button[type=submit]")).click();
        awaitText(By.id("story-ratings"), "We will try it too");
        awaitText(By.cssSelector("main .stars"), "4.0 (1)");
        assertEquals(4, owner.get("/api/v1/stories/" + storyId).json().path("rating").asInt());
        check("story");
        // Its frozen copy: read-only for everyone, its owner too.
        String copy = owner.get("/api/v1/stories/" + storyId).json().path("process").asText();
        driver.findElement(By.cssSelector("a[href='#/processes/" + copy + "/overview']")).click();
        await(By.id("frozen-notice"));
        assertTrue(driver.findElements(By.linkText("Settings")).isEmpty());
        assertTrue(driver.findElements(By.linkText("Contributions")).isEmpty());
        check("story-process");
        // Both processes lead to the story: the copy it tells about and the process it was published from.
        await(By.cssSelector("#process-stories a[href='#/stories/" + storyId + "']"));
        driver.get(base + "/#/processes/" + done + "/overview");
        await(By.cssSelector("#process-stories a[href='#/stories/" + storyId + "']"));

        // Clone from the settings: the copy opens, with what was carried over.
        driver.get(base + "/#/processes/" + planned + "/settings");
        await(By.id("clone-name")).sendKeys("Shaded playgrounds, second round");
        driver.findElement(By.id("clone-button")).click();
        wait(WAIT).until(d -> d.getCurrentUrl().matches(".*#/processes/[^/]+/overview$") && !d.getCurrentUrl().contains(planned));
        String cloned = driver.getCurrentUrl().replaceAll(".*#/processes/([^/]+)/overview$", "$1");
        awaitText(By.id("page-title"), "second round");
        await(By.id("transfer-report"));
        assertEquals(200, owner.get("/api/v1/processes/" + cloned).status());
        check("cloned");
        // Import on the processes page: an exported zip becomes one more process.
        Http.Bytes zip = owner.getBytes("/api/v1/processes/" + planned + "/export");
        assertEquals(200, zip.status());
        Path file = Files.createTempFile("webapp-export-", ".zip");
        Files.write(file, zip.body());
        driver.get(base + "/#/processes");
        await(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-button")).click();
        await(By.id("transfer-report"));
        awaitText(By.id("page-title"), "Shaded playgrounds");
        wait(WAIT).until(d -> !d.getCurrentUrl().contains(planned) && !d.getCurrentUrl().contains(cloned));
        Files.delete(file);
        check("imported");

        // A notification arrives live: the bell's count changes in the open page, without a reload.
        driver.get(base + "/#/notifications");
        awaitText(By.id("page-title"), "Notifications");
        await(By.id("notification-preferences"));
        int before = owner.get("/api/v1/me/notifications/unread-count").json().path("unread").asInt();
        wait(WAIT).until(d -> d.findElement(By.id("unread-count")).getText().equals(String.valueOf(before)));
        check("notifications");
        ((JavascriptExecutor) driver).executeScript("window.__samePage = true;");
        Http.Answer team = bea.post("/api/v1/teams", Map.of("name", "Tree keepers", "type", "citizen"));
        assertEquals(team.toString(), 201, team.status());
        assertEquals(201, bea.post("/api/v1/teams/" + team.json().path("id").asText() + "/members", Map.of("user", Platform.OPERATOR)).status());
        wait(WAIT).until(d -> d.findElement(By.id("unread-count")).getText().equals(String.valueOf(before + 1)));
        awaitText(By.id("notification-live"), "Tree keepers");
        assertEquals("the page was not reloaded", Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__samePage === true;"));
        String notification = null;
        for (JsonNode n : owner.get("/api/v1/me/notifications?state=unread").json().path("items")) {
            if (n.path("type").asText().equals("team.member-added")) notification = n.path("id").asText();
        }
        assertTrue("the notification is in the list", notification != null);
        String item = "li[data-notification='" + notification + "']";
        awaitText(By.cssSelector(item), "Tree keepers");
        check("notification-arrived");
        driver.findElement(By.cssSelector(item + " button[data-action=read]")).click();
        wait(WAIT).until(ExpectedConditions.attributeToBe(By.cssSelector(item), "data-state", "read"));
        wait(WAIT).until(d -> d.findElement(By.id("unread-count")).getText().equals(String.valueOf(before)));
        assertEquals(before, owner.get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
        // Archived, it leaves the list and is found under Archived.
        driver.findElement(By.cssSelector(item + " button[data-action=archive]")).click();
        wait(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(item)));
        new Select(driver.findElement(By.id("notification-state"))).selectByValue("archived");
        awaitText(By.cssSelector(item), "Tree keepers");

        // Contributions: assigned on the screen, claimed by bea through the API, approved on the screen, ranked.
        driver.get(base + "/#/processes/" + planned + "/contributions");
        await(By.cssSelector("#ca-task option"));
        new Select(driver.findElement(By.id("ca-kind"))).selectByValue("development");
        driver.findElement(By.id("ca-points")).clear();
        driver.findElement(By.id("ca-points")).sendKeys("30");
        driver.findElement(By.id("ca-user")).sendKeys("bea-web");
        driver.findElement(By.id("assign-button")).click();
        awaitText(By.id("assignments"), "bea-web");
        // One open to anyone, claimed here by the administrator (who may not approve it: another administrator would).
        new Select(driver.findElement(By.id("ca-kind"))).selectByValue("management");
        driver.findElement(By.id("ca-points")).clear();
        driver.findElement(By.id("ca-points")).sendKeys("5");
        driver.findElement(By.id("assign-button")).click();
        awaitText(By.id("assignments"), "Anyone");
        await(By.id("cl-description")).sendKeys("Wrote the planting plan");
        driver.findElement(By.id("claim-button")).click();
        awaitText(By.id("claims"), "Wrote the planting plan");
        String assignment = null;
        for (JsonNode a : owner.get("/api/v1/contributions/" + planned + "/assignments").json().path("items")) {
            if (a.path("user").asText().equals("bea-web")) assignment = a.path("id").asText();
        }
        Http.Answer claim = bea.post("/api/v1/contributions/" + planned + "/assignments/" + assignment + "/claims", Map.of("description", "Planted ten trees"));
        assertEquals(claim.toString(), 201, claim.status());
        String claimId = claim.json().path("id").asText();
        driver.navigate().refresh();
        String row = "li[data-claim='" + claimId + "']";
        awaitText(By.cssSelector(row), "Planted ten trees");
        check("contributions-claims");
        driver.findElement(By.cssSelector(row + " button[data-action=approve]")).click();
        wait(WAIT).until(ExpectedConditions.attributeToBe(By.cssSelector(row), "data-status", "approved"));
        await(By.id("leaderboard-on")).click();
        awaitText(By.cssSelector("#leaderboard tr[data-user=bea-web]"), "30");
        assertTrue(driver.findElement(By.id("certificate-link")).getAttribute("href").contains("/api/v1/contributions/" + planned + "/certificates/" + Platform.OPERATOR));
        check("contributions");

        // The story's owner changes its keywords, then unpublishes it: gone from the stories with its frozen copy.
        driver.get(base + "/#/stories/" + storyId);
        WebElement keywords = await(By.id("es-keywords"));
        keywords.clear();
        keywords.sendKeys("mobility, schools, streets");
        driver.findElement(By.cssSelector("#edit-story button[type=submit]")).click();
        awaitText(By.id("story-keywords"), "streets");
        driver.findElement(By.id("unpublish-confirm")).click();
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("unpublish"))).click();
        wait(WAIT).until(d -> d.getCurrentUrl().endsWith("#/stories"));
        await(By.id("story-count"));
        assertTrue(driver.findElements(By.cssSelector("li[data-story='" + storyId + "']")).isEmpty());
        assertEquals(404, owner.get("/api/v1/stories/" + storyId).status());
        assertEquals(404, owner.get("/api/v1/processes/" + copy).status());

        // The browser as the other tests expect it: signed out, following its own language.
        driver.findElement(By.id("sign-out")).click();
        await(By.id("sign-in-link"));
        ((JavascriptExecutor) driver).executeScript("localStorage.removeItem('interlink-lang');");
    }

    // ---------- helpers ----------

    /** Signs out whoever is signed in, then signs in through the form as {@code name}; ends on the home screen. */
    private static void signInAs(String name, String password) {
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            driver.findElement(By.id("sign-out")).click();
        }
        await(By.id("sign-in-link")).click();
        await(By.id("si-name")).sendKeys(name);
        driver.findElement(By.id("si-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        awaitText(By.id("signed-in-as"), name);
        wait(WAIT).until(d -> d.getCurrentUrl().endsWith("#/"));
    }

    private static WebDriverWait wait(Duration d) {
        return new WebDriverWait(driver, d);
    }

    /** The grant of {@code team} on the process (the citizen's crew has one too). */
    private static JsonNode grantOf(Http owner, String process, String team) {
        for (JsonNode g : owner.get("/api/v1/processes/" + process + "/permissions").json().path("items")) {
            if (team.equals(g.path("team").asText())) return g;
        }
        throw new AssertionError("No grant to team " + team + " on process " + process);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private static WebElement await(By by) {
        return wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static WebElement awaitText(By by, String text) {
        wait(WAIT).withMessage(() -> "'" + text + "' in " + by).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    private static int count(WebElement e) {
        Matcher m = Pattern.compile("(\\d+)").matcher(e.getText());
        assertTrue(e.getText(), m.find());
        return Integer.parseInt(m.group(1));
    }

    /** The progress bar of a tree item, as its aria-valuenow says. */
    private static int progress(String itemId) {
        WebElement bar = driver.findElement(By.cssSelector("li[data-item='" + itemId + "'] > .tree-item [role=progressbar]"));
        return Integer.parseInt(bar.getAttribute("aria-valuenow"));
    }

    private static String statusOf(String itemId) {
        return driver.findElement(By.cssSelector("li[data-item='" + itemId + "'] > .tree-item .badge")).getText();
    }

    private static void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    /** axe-core on the screen as it is (no serious or critical violation), then its screenshot. */
    private static void check(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map(v => ({"
                + "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))),"
                + " e => done('failed: ' + e));");
        String text = String.valueOf(result);
        assertFalse(name + ": axe-core " + text, text.startsWith("failed"));
        JsonNode violations = Http.JSON.readTree(text);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) serious.add(v.toString());
            else System.out.println("WebAppIT " + name + ": axe-core (" + impact + ") " + v);
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
        assertTrue(name + ": serious or critical accessibility violations: " + serious, serious.isEmpty());
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
