package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The interlink:* commands of the operator guide, run in the platform's own Karaf shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT {

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    /** Runs one command line as an operator (a Karaf administrator) would type it; returns what it printed. */
    private String run(String command) throws Exception {
        return runAs(command, Console.ADMIN);
    }

    /**
     * Runs a command line in a console session of a user with these roles: the interlink:* commands are guarded by
     * Karaf's command ACL (etc/org.apache.karaf.command.acl.interlink.cfg). The session is made inside the subject,
     * so that its threads carry it.
     */
    private String runAs(String command, String... roles) throws Exception {
        return Console.run(sessions, command, roles);
    }


    private String fails(String command) {
        try {
            String out = run(command);
            fail(command + " should fail, printed: " + out);
            return out;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    @Test
    public void changingCommandsAreForKarafAdministrators() throws Exception {
        Platform.awaitReady(Platform.http());
        // A viewer reads; installing is refused by Karaf's command ACL before the command runs.
        assertTrue(runAs("interlink:list", "viewer").contains("checklist"));
        String refused = failsAs("interlink:install " + Fixtures.jar("sample"), "viewer");
        assertTrue(refused, refused.toLowerCase(java.util.Locale.ROOT).contains("insufficient") || refused.toLowerCase(java.util.Locale.ROOT).contains("not found"));
    }

    private String failsAs(String command, String... roles) {
        try {
            String out = runAs(command, roles);
            fail(command + " should fail for " + String.join(",", roles) + ", printed: " + out);
            return out;
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    @Test
    public void theOperatorGuidesCommandsWork() throws Exception {
        Http http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);

        assertTrue(run("interlink:list").contains("checklist"));
        String installed = run("interlink:install " + Fixtures.jar("sample"));
        assertTrue(installed, installed.contains("sample"));
        Fixtures.awaitServing(http, "sample", "0.1.0");
        String asset = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "from the shell test"))).json().path("id").asText();

        String info = run("interlink:info sample");
        assertTrue(info, info.contains("0.1.0") && info.contains("eu.interlink.testing.sample"));

        run("interlink:upgrade sample " + Fixtures.jar("sample-v2"));
        Fixtures.awaitServing(http, "sample", "0.2.0");
        run("interlink:rollback sample");
        Fixtures.awaitServing(http, "sample", "0.1.0");
        assertEquals("from the shell test", http.get("/api/v1/assets/" + asset + "/download").json().path("name").asText());

        run("interlink:disable sample");
        assertEquals("disabled", http.get("/api/v1/interlinkers/sample").json().path("status").asText());
        assertTrue(run("interlink:list --status disabled").contains("sample"));
        run("interlink:enable sample");
        assertEquals("active", http.get("/api/v1/interlinkers/sample").json().path("status").asText());

        String history = run("interlink:history sample");
        for (String action : new String[] {"installed", "upgraded", "rolled-back", "disabled", "enabled"}) {
            assertTrue(action + " in " + history, history.contains(action));
        }

        run("interlink:remove sample");
        assertEquals(404, http.get("/api/v1/interlinkers/sample").status());
        String unavailable = run("interlink:list --status unavailable");
        assertTrue(unavailable, unavailable.contains("sample") && unavailable.contains("unavailable"));
        assertEquals("unavailable", http.get("/api/v1/assets/" + asset).json().path("status").asText());

        // Mistakes are one line that says what is wrong, never a stack trace.
        String unknown = fails("interlink:info no-such-interlinker");
        assertTrue(unknown, unknown.contains("no-such-interlinker") && !unknown.contains("Exception"));
        String nothingBack = fails("interlink:rollback checklist");
        assertTrue(nothingBack, nothingBack.contains("no previous version"));
        String noFile = fails("interlink:install /no/such/bundle.jar");
        assertTrue(noFile, noFile.contains("/no/such/bundle.jar"));
        String badStatus = fails("interlink:list --status sleepy");
        assertTrue(badStatus, badStatus.contains("active"));
    }
}
