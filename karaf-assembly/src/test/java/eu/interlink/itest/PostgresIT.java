package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every asset test again, with the store on the PostgreSQL server of this machine instead of H2: the same
 * migrations, the same behaviour, chosen by one configuration file. In the run of the whole suite, the second
 * pass ({@code interlink.test.store=postgres}) runs most other tests on PostgreSQL too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends AssetsIT {
    static final String DATABASE = Postgres.PREFIX;

    @Override
    @Configuration
    public Option[] config() {
        return Platform.options(Postgres.store(DATABASE).toArray(new Option[0]));
    }

    @Test
    public void theStoreIsPostgres() {
        JsonNode health = http.get("/api/v1/health").json();
        assertEquals("UP", health.path("status").asText());
        assertTrue(health.toString(), health.path("components").path("store").path("database").asText().startsWith("PostgreSQL"));
    }
}
