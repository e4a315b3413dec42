package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LocationsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path cwd;
    private Path home;

    @Before
    public void folders() throws Exception {
        cwd = tmp.newFolder("cwd").toPath();
        home = tmp.newFolder("home").toPath();
    }

    @Test
    public void urlsOfKnownSchemesPassAsTyped() throws Exception {
        for (String url : new String[] { "http://repo.example.org/x.jar", "https://repo.example.org/x.jar", "file:/opt/x.jar",
                "file:///opt/x%20y.jar", "mvn:eu.interlink/interlink-interlinker-checklist/0.1.0", "HTTPS://Example.org/X.jar" }) {
            assertEquals(url, Locations.toLocation(url, cwd, home));
        }
    }

    @Test
    public void surroundingSpaceIsIgnored() throws Exception {
        assertEquals("mvn:g/a/1.0.0", Locations.toLocation("  mvn:g/a/1.0.0 ", cwd, home));
    }

    @Test
    public void relativePathBecomesAbsoluteFileUrlFromTheCurrentFolder() throws Exception {
        Path jar = Files.createFile(cwd.resolve("checklist-1.0.0.jar"));
        String location = Locations.toLocation("checklist-1.0.0.jar", cwd, home);
        assertEquals(jar.toUri().toString(), location);
        assertTrue(location, location.startsWith("file:/"));
        assertEquals(jar.toFile(), new File(java.net.URI.create(location)));
    }

    @Test
    public void dotsAreResolved() throws Exception {
        Files.createDirectories(cwd.resolve("sub"));
        Path jar = Files.createFile(cwd.resolve("x.jar"));
        assertEquals(jar.toUri().toString(), Locations.toLocation("sub/../x.jar", cwd, home));
        assertEquals(jar.toUri().toString(), Locations.toLocation("./x.jar", cwd, home));
    }

    @Test
    public void absolutePathIsKept() throws Exception {
        Path jar = Files.createFile(home.resolve("a.jar"));
        assertEquals(jar.toUri().toString(), Locations.toLocation(jar.toString(), cwd, home));
    }

    @Test
    public void tildeIsTheHomeFolder() throws Exception {
        Path jar = Files.createFile(home.resolve("b.jar"));
        assertEquals(jar.toUri().toString(), Locations.toLocation("~/b.jar", cwd, home));
    }

    @Test
    public void spacesInAPathAreEscapedInTheUrl() throws Exception {
        Path jar = Files.createFile(cwd.resolve("my bundle.jar"));
        String location = Locations.toLocation("my bundle.jar", cwd, home);
        assertTrue(location, location.endsWith("/my%20bundle.jar"));
        assertEquals(jar.toUri().toString(), location);
    }

    @Test
    public void missingFileIsAnError() {
        assertError("Error: There is no file " + cwd.resolve("nope.jar"), "nope.jar");
    }

    @Test
    public void folderIsAnError() {
        assertError("Error: " + cwd + " is a folder: give the bundle's .jar file", ".");
    }

    @Test
    public void emptyIsAnError() {
        assertError("Error: Give the URL or the file path of an Interlinker bundle (a .jar)", "  ");
        assertError("Error: Give the URL or the file path of an Interlinker bundle (a .jar)", null);
    }

    @Test
    public void unknownSchemeIsAnError() {
        assertError("Error: Unsupported URL scheme 'ftp' in 'ftp://example.org/x.jar': use an http, https, file or mvn URL, or a file path",
                "ftp://example.org/x.jar");
    }

    @Test
    public void oneLetterBeforeAColonIsADrivePathNotAScheme() {
        try {
            Locations.toLocation("C:x.jar", cwd, home);
            fail("C:x.jar does not exist");
        } catch (CommandException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("There is no file "));
        }
    }

    private void assertError(String niceHelp, String typed) {
        try {
            Locations.toLocation(typed, cwd, home);
            fail("expected a failure for " + typed);
        } catch (CommandException e) {
            assertEquals(niceHelp, e.getNiceHelp());
            assertEquals(niceHelp.substring("Error: ".length()), e.getMessage());
        }
    }
}
