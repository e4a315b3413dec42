package eu.interlink.kernel.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The cluster's desired set on H2, with the store's own migration V8. */
public class ClusterTableTest {
    private static final String NAME = "eu.example.thing";
    private Connection c;

    @Before
    public void schema() throws Exception {
        c = DriverManager.getConnection("jdbc:h2:mem:cluster" + System.nanoTime());
        String sql = Files.readString(Path.of("../store/src/main/resources/db/migration/V8__cluster.sql"))
                .replace("${binary}", "VARBINARY(1000000)").replace("${text}", "CHARACTER LARGE OBJECT");
        try (Statement s = c.createStatement()) {
            for (String one : sql.replaceAll("(?m)--.*$", "").split(";")) {
                if (!one.isBlank()) s.execute(one);
            }
        }
    }

    @After
    public void close() throws Exception {
        c.close();
    }

    private static Map<String, ClusterTable.Local> local(Object... versionStateJar) {
        Map<String, ClusterTable.Local> m = new LinkedHashMap<>();
        for (int i = 0; i < versionStateJar.length; i += 3) {
            m.put((String) versionStateJar[i], new ClusterTable.Local((String) versionStateJar[i], "thing", (String) versionStateJar[i + 1],
                    (byte[]) versionStateJar[i + 2]));
        }
        return m;
    }

    @Test
    public void publishingWhatIsAlreadyDesiredWritesNothing() throws Exception {
        byte[] jar = {1, 2, 3};
        assertEquals(1, ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, jar), "node-1", "ana"));
        assertEquals(1, ClusterTable.revision(c));
        // A node that followed it publishes the same (without the jar at hand): no new revision, so no loop.
        assertEquals(0, ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, null), "node-2", null));
        assertEquals(0, ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, jar), "node-3", null));
        assertEquals(1, ClusterTable.revision(c));
        List<ClusterTable.Row> rows = ClusterTable.all(c);
        assertEquals(1, rows.size());
        assertEquals("node-1", rows.get(0).node());
        assertArrayEquals(jar, ClusterTable.jar(c, rows.get(0).sha256()));
    }

    @Test
    public void upgradeRollbackAndRemovalEachGetNewerRevisions() throws Exception {
        ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, new byte[] {1}), "node-1", null);
        assertEquals(2, ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.STOPPED, null, "2.0.0", ClusterTable.ACTIVE, new byte[] {2}),
                "node-2", null));
        // The rollback, from another node: the later change has the higher revision, whoever made it.
        assertEquals(2, ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, null, "2.0.0", ClusterTable.STOPPED, null), "node-3", null));
        List<ClusterTable.Row> rows = ClusterTable.all(c);
        ClusterTable.Row last = rows.get(rows.size() - 1);
        assertEquals(5, last.revision());
        assertEquals("node-3", last.node());
        for (ClusterTable.Row r : rows) {
            assertEquals(r.version().equals("1.0.0") ? ClusterTable.ACTIVE : ClusterTable.STOPPED, r.desired());
            assertTrue("each keeps its jar", r.sha256() != null);
        }
        // Removal: what is no longer installed anywhere is removed.
        assertEquals(2, ClusterTable.publish(c, NAME, local(), "node-1", null));
        for (ClusterTable.Row r : ClusterTable.all(c)) assertEquals(ClusterTable.REMOVED, r.desired());
        assertEquals(0, ClusterTable.publish(c, NAME, local(), "node-2", null));
    }

    @Test
    public void largeJarsGoInChunksAndComeBackWhole() throws Exception {
        byte[] jar = new byte[700_000];
        new Random(13).nextBytes(jar);
        ClusterTable.publish(c, NAME, local("1.0.0", ClusterTable.ACTIVE, jar), "node-1", null);
        assertArrayEquals(jar, ClusterTable.jar(c, ClusterTable.sha256(jar)));
        assertNull("unknown digest", ClusterTable.jar(c, ClusterTable.sha256(new byte[] {9})));
    }
}
