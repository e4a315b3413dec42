package eu.interlink.itest;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** The test bundles this build made (bundles/testing), as files and as operator actions on them. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path jar(String name) {
        return Path.of(System.getProperty(Platform.BUNDLES), "interlink-testing-" + name + ".jar");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(jar(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a fixture into the platform's deploy/ folder, as an operator would. */
    public static Path deploy(String name) {
        try {
            Path target = Path.of(System.getProperty("karaf.base"), "deploy", "interlink-testing-" + name + ".jar");
            Files.copy(jar(name), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs a fixture through the admin API, as an upload, and waits for it to serve. */
    public static Http.Answer install(Http http, String name) {
        Http.Answer a = http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", bytes(name));
        assertEquals(a.toString(), 201, a.status());
        return a;
    }

    /**
     * Takes the starter knowledge pack out of the platform (it boots with it), for tests that count the seed's
     * entries exactly. Call it once per test class: it waits for the pack to be read first.
     */
    public static void removeStarterPack(Http http) {
        String starter = "/api/v1/admin/knowledge-packs/eu.interlink.knowledge.starter";
        Await.until("the starter pack", Duration.ofSeconds(60), () -> http.get(starter),
                a -> a.status() == 200 && a.json().path("status").asText().equals("published"));
        Http.Answer removed = http.delete(starter);
        assertEquals(removed.toString(), 204, removed.status());
    }

    public static void awaitServing(Http http, String id, String version) {
        Await.until(id + " " + version + " serving", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/" + id),
                a -> a.status() == 200 && a.json().path("version").asText().equals(version) && a.json().path("serving").asBoolean());
    }
}
