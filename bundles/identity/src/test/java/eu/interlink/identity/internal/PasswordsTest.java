package eu.interlink.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.Test;

import eu.interlink.kernel.service.SettingException;

public class PasswordsTest {

    @Test
    public void hashesAreArgon2idPhcStringsThatVerify() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(hash, hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertTrue(Passwords.isHash(hash));
        assertTrue(Passwords.verify("correct horse battery", hash));
        assertFalse(Passwords.verify("correct horse batterY", hash));
        // A fresh salt each time.
        assertNotEquals(hash, Passwords.hash("correct horse battery"));
        assertFalse(Passwords.verify("x", "$2a$10$not-an-argon2-hash"));
    }

    @Test
    public void theRateLimiterCountsFailuresInItsWindow() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(15));
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.retryAfter("ana", t));
            limiter.failed("ana", t);
        }
        assertEquals(15 * 60 + 1, limiter.retryAfter("ana", t));
        assertEquals(0, limiter.retryAfter("ben", t));
        assertEquals(0, limiter.retryAfter("ana", t.plus(Duration.ofMinutes(16))));
        limiter.succeeded("ana");
        assertEquals(0, limiter.retryAfter("ana", t));
    }

    @Test
    public void configurationIsChecked() {
        assertEquals("operator", IdentityConfig.read(Map.of("operator.name", "Operator", "operator.email", "op@example.org",
                "operator.password", "long enough pw")).operatorName());
        assertRefused(Map.of("operator.name", "op"), "operator.email");
        assertRefused(Map.of("operator.name", "op", "operator.email", "op@example.org"), "operator.password");
        assertRefused(Map.of("operator.name", "op", "operator.email", "op@example.org", "operator.password", "short"), "operator.password");
        assertRefused(Map.of("operator.name", "op", "operator.email", "op@example.org", "operator.password.hash", "plain"), "operator.password.hash");
        assertRefused(Map.of("cookie.secure", "yes"), "cookie.secure");
        assertRefused(Map.of("session.idle.minutes", "600", "session.absolute.minutes", "60"), "session.absolute.minutes");
        assertRefused(Map.of("oidc.issuer", "https://login.example.org"), "oidc.client.id");
        assertRefused(Map.of("oidc.issuer", "ftp://x", "oidc.client.id", "c", "oidc.redirect.uri", "https://a.example/cb"), "oidc.issuer");
        assertRefused(Map.of("operator.nmae", "op"), "operator.nmae");
        // What is reported never holds a password.
        assertFalse(IdentityConfig.read(Map.of("operator.name", "op", "operator.email", "op@example.org", "operator.password", "long enough pw"))
                .describe().toString().contains("long enough pw"));
    }

    private static void assertRefused(Map<String, Object> properties, String key) {
        try {
            IdentityConfig.read(properties);
            throw new AssertionError("accepted " + properties);
        } catch (SettingException e) {
            assertEquals(e.getMessage(), key, e.key());
        }
    }
}
