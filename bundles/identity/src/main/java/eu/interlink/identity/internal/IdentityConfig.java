package eu.interlink.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.interlink.kernel.service.SettingException;
import eu.interlink.kernel.service.Settings;

/** The settings of {@code etc/eu.interlink.identity.cfg}, each checked; a bad one refuses the whole change. */
record IdentityConfig(String operatorName, String operatorEmail, String operatorPassword, String operatorPasswordHash,
        String termsVersion, int passwordMinLength, Duration sessionIdle, Duration sessionAbsolute, boolean cookieSecure,
        int maxFailures, int maxFailuresPerAddress, Duration failureWindow,
        String oidcIssuer, String oidcClientId, String oidcClientSecret, String oidcRedirectUri) {

    static final Set<String> KEYS = Set.of("operator.name", "operator.email", "operator.password", "operator.password.hash",
            "terms.version", "password.min.length", "session.idle.minutes", "session.absolute.minutes", "cookie.secure",
            "signin.max.failures", "signin.max.failures.address", "signin.window.minutes",
            "oidc.issuer", "oidc.client.id", "oidc.client.secret", "oidc.redirect.uri");

    static IdentityConfig read(Map<String, ?> properties) {
        Settings s = Settings.of(properties);
        s.refuseUnknown(KEYS);
        String name = s.text("operator.name", null);
        String email = s.text("operator.email", null);
        String password = s.text("operator.password", null);
        String hash = s.text("operator.password.hash", null);
        if (name != null) {
            Accounts.checkName("operator.name", name);
            if (email == null) throw new SettingException("operator.email", "operator.email is required with operator.name");
            Accounts.checkEmail("operator.email", email);
            if ((password == null) == (hash == null)) {
                throw new SettingException("operator.password", "Give exactly one of operator.password and operator.password.hash with operator.name");
            }
            if (hash != null && !Passwords.isHash(hash)) {
                throw new SettingException("operator.password.hash", "operator.password.hash must be an Argon2id hash in the PHC format ($argon2id$v=19$m=…,t=…,p=…$salt$hash)");
            }
        } else if (email != null || password != null || hash != null) {
            throw new SettingException("operator.name", "operator.name is required with operator.email and operator.password");
        }
        int minLength = s.intIn("password.min.length", 10, 8, 128);
        if (password != null && password.length() < minLength) {
            throw new SettingException("operator.password", "operator.password must be at least " + minLength + " characters long");
        }
        long idle = s.longIn("session.idle.minutes", 120, 1, 60L * 24 * 30);
        long absolute = s.longIn("session.absolute.minutes", 60L * 24 * 7, 1, 60L * 24 * 365);
        if (absolute < idle) throw new SettingException("session.absolute.minutes", "session.absolute.minutes must not be shorter than session.idle.minutes");
        String issuer = s.text("oidc.issuer", null);
        String clientId = s.text("oidc.client.id", null);
        String secret = s.text("oidc.client.secret", null);
        String redirect = s.text("oidc.redirect.uri", null);
        if (issuer != null || clientId != null || redirect != null) {
            if (issuer == null || clientId == null || redirect == null) {
                throw new SettingException(issuer == null ? "oidc.issuer" : clientId == null ? "oidc.client.id" : "oidc.redirect.uri",
                        "OpenID Connect needs oidc.issuer, oidc.client.id and oidc.redirect.uri together");
            }
            url("oidc.issuer", issuer);
            url("oidc.redirect.uri", redirect);
        }
        return new IdentityConfig(name == null ? null : name.toLowerCase(Locale.ROOT), email, password, hash,
                s.text("terms.version", "1"), minLength, Duration.ofMinutes(idle), Duration.ofMinutes(absolute),
                bool(s, "cookie.secure", false),
                s.intIn("signin.max.failures", 5, 1, 1000), s.intIn("signin.max.failures.address", 20, 1, 100_000),
                Duration.ofMinutes(s.longIn("signin.window.minutes", 15, 1, 24 * 60)), issuer, clientId, secret, redirect);
    }

    private static boolean bool(Settings s, String key, boolean dflt) {
        String v = s.text(key, null);
        if (v == null) return dflt;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new SettingException(key, key + " must be true or false, not '" + Settings.shown(v) + "'");
    }

    private static void url(String key, String value) {
        try {
            URI u = URI.create(value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return;
        } catch (IllegalArgumentException bad) {
            // reported below
        }
        throw new SettingException(key, key + " must be an http or https URL, not '" + Settings.shown(value) + "'");
    }

    boolean oidc() {
        return oidcIssuer != null;
    }

    /** What is in effect, for health and interlink:config-check: never a password or secret. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator.name", operatorName == null ? "" : operatorName);
        m.put("terms.version", termsVersion);
        m.put("password.min.length", passwordMinLength);
        m.put("session.idle.minutes", sessionIdle.toMinutes());
        m.put("session.absolute.minutes", sessionAbsolute.toMinutes());
        m.put("cookie.secure", cookieSecure);
        m.put("signin.max.failures", maxFailures);
        m.put("signin.max.failures.address", maxFailuresPerAddress);
        m.put("signin.window.minutes", failureWindow.toMinutes());
        m.put("oidc.issuer", oidcIssuer == null ? "" : oidcIssuer);
        return m;
    }
}
