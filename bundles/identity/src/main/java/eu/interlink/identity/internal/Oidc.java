package eu.interlink.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import eu.interlink.identity.IdentityException;
import eu.interlink.identity.OidcStart;

import eu.interlink.store.Sql;
import eu.interlink.store.Store;

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE (S256), a state and a nonce per attempt. The
 * provider is found by discovery ({@code <issuer>/.well-known/openid-configuration}); the ID token is verified by
 * Nimbus JOSE+JWT: its signature against the provider's JWKS, then issuer, audience, expiry and nonce.
 *
 * <p>An attempt is kept for 10 minutes under a random binding, which the browser holds in a short-lived HttpOnly
 * cookie, so that the answer is only accepted from the browser that started it. Attempts are kept in the
 * database ({@code oidc_attempt}), so the provider's answer may reach any node of a cluster.
 */
final class Oidc {
    record Identity(String issuer, String subject, String email, String preferredName) {
    }

    private record Attempt(String state, String nonce, String verifier, Instant expires) {
    }

    private record Provider(String authorizationEndpoint, String tokenEndpoint, DefaultJWTProcessor<SecurityContext> processor) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    private final IdentityConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Store store;
    private volatile Provider provider;

    Oidc(IdentityConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    OidcStart start() {
        Provider p = provider();
        Instant now = Instant.now();
        Attempt a = new Attempt(Secrets.random(), Secrets.random(), Secrets.random(), now.plus(ATTEMPT_LIFETIME));
        String binding = Secrets.random();
        store.inTransaction(c -> {
            Sql.update(c, "DELETE FROM oidc_attempt WHERE expires_at < ?", now);
            if (Sql.count(c, "SELECT COUNT(*) FROM oidc_attempt") >= 10_000) {
                throw new IdentityException(503, "busy", "Too many sign-ins in progress", "Try again in a few minutes");
            }
            return Sql.update(c, "INSERT INTO oidc_attempt (binding, state, nonce, verifier, expires_at) VALUES (?, ?, ?, ?, ?)",
                    binding, a.state(), a.nonce(), a.verifier(), a.expires());
        });
        String url = p.authorizationEndpoint() + (p.authorizationEndpoint().contains("?") ? "&" : "?") + form(Map.of(
                "response_type", "code", "client_id", config.oidcClientId(), "redirect_uri", config.oidcRedirectUri(),
                "scope", "openid email profile", "state", a.state(), "nonce", a.nonce(),
                "code_challenge", Secrets.sha256Base64Url(a.verifier()), "code_challenge_method", "S256"));
        return new OidcStart(url, binding);
    }

    /** The attempt under {@code binding}, removed in the same transaction: of two answers, one only finds it. */
    private Attempt take(String binding) {
        return store.inTransaction(c -> {
            Attempt a = Sql.query(c, "SELECT state, nonce, verifier, expires_at FROM oidc_attempt WHERE binding = ?",
                    rs -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4)), binding).stream().findFirst().orElse(null);
            if (a != null && Sql.update(c, "DELETE FROM oidc_attempt WHERE binding = ?", binding) == 0) return null;
            return a;
        });
    }

    Identity complete(String code, String state, String binding) {
        if (binding == null) throw refused("No sign-in was started in this browser (the interlink_oidc cookie is missing)");
        Attempt a = take(binding); // one use only, whatever happens next
        if (a == null || a.expires().isBefore(Instant.now())) throw refused("This sign-in is unknown or took longer than 10 minutes; start again");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), a.state().getBytes(StandardCharsets.UTF_8))) {
            throw refused("The state does not match the sign-in this browser started");
        }
        if (code == null || code.isBlank() || code.length() > 4096) throw refused("The provider sent no authorization code");
        Provider p = provider();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", config.oidcRedirectUri());
        params.put("code_verifier", a.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(p.tokenEndpoint())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (config.oidcClientSecret() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (enc(config.oidcClientId()) + ":" + enc(config.oidcClientSecret())).getBytes(StandardCharsets.UTF_8)));
        } else {
            params.put("client_id", config.oidcClientId());
        }
        JsonNode tokens = json(request.POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), "token endpoint");
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) throw refused("The provider answered no ID token");
        JWTClaimsSet claims;
        try {
            claims = p.processor().process(idToken, null);
        } catch (Exception bad) {
            throw refused("The ID token is not valid: " + bad.getMessage());
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String n) || !MessageDigest.isEqual(n.getBytes(StandardCharsets.UTF_8), a.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw refused("The ID token's nonce does not match this sign-in");
        }
        return new Identity(claims.getIssuer(), claims.getSubject(), stringClaim(claims, "email"),
                stringClaim(claims, "preferred_username") != null ? stringClaim(claims, "preferred_username") : stringClaim(claims, "name"));
    }

    /** Discovery, once; a failure is retried at the next sign-in. */
    private Provider provider() {
        Provider p = provider;
        if (p != null) return p;
        synchronized (this) {
            if (provider != null) return provider;
            String issuer = config.oidcIssuer();
            String well = (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration";
            JsonNode d = json(HttpRequest.newBuilder(URI.create(well)).timeout(Duration.ofSeconds(20)).header("Accept", "application/json").GET().build(),
                    "discovery document");
            if (!issuer.equals(d.path("issuer").asText())) {
                throw new IdentityException(502, "oidc-provider", "Identity provider misconfigured",
                        "The discovery document names issuer '" + d.path("issuer").asText() + "', not the configured '" + issuer + "'");
            }
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(d.path("jwks_uri").asText())).retrying(true).build();
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
                        JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256), keys));
                // Issuer exact, audience ours, and sub, iat, exp present; expiry is checked by the verifier itself.
                processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.oidcClientId(),
                        new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(Set.of("sub", "iat", "exp", "nonce"))));
                p = new Provider(d.path("authorization_endpoint").asText(), d.path("token_endpoint").asText(), processor);
            } catch (IOException | RuntimeException bad) {
                throw new IdentityException(502, "oidc-provider", "Identity provider misconfigured", "Its discovery document cannot be used: " + bad.getMessage());
            }
            provider = p;
            return p;
        }
    }

    private JsonNode json(HttpRequest request, String what) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IdentityException(502, "oidc-provider", "Identity provider refused", "The provider's " + what + " answered " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IdentityException(502, "oidc-provider", "Identity provider unreachable", "The provider's " + what + " cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(503, "interrupted", "Interrupted", "Interrupted while asking the identity provider");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private static IdentityException refused(String detail) {
        return new IdentityException(401, "oidc-refused", "Sign-in refused", detail);
    }

    private static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
