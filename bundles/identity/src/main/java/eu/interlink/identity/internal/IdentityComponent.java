package eu.interlink.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.identity.Account;
import eu.interlink.identity.ApiToken;
import eu.interlink.identity.AuditEntry;
import eu.interlink.identity.Caller;
import eu.interlink.identity.IdentityException;
import eu.interlink.identity.IdentityService;
import eu.interlink.identity.NewApiToken;
import eu.interlink.identity.OidcStart;
import eu.interlink.identity.SessionInfo;
import eu.interlink.identity.SignUp;
import eu.interlink.identity.SignedIn;
import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.store.Store;

/**
 * Accounts, sessions, API tokens and the audit log, all in the platform's database so that any node can answer
 * for any session. Configuration ({@code etc/eu.interlink.identity.cfg}) is checked on every change; a refused
 * change keeps the last valid one and is reported like every eu.interlink.* configuration.
 */
@Component(service = IdentityService.class, configurationPid = IdentityService.PID)
@Designate(ocd = IdentityComponent.Config.class)
public class IdentityComponent implements IdentityService {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN_PREFIX = "ilt_";
    /** How often a session's last use is written: idle expiry needs no finer grain, and reads stay reads. */
    private static final long TOUCH_SECONDS = 60;

    @ObjectClassDefinition(name = "Interlink identity", description = "Accounts, sessions, sign-in and OpenID Connect")
    @interface Config {
        @AttributeDefinition(required = false, description = "Name of the first operator, created at first start if absent")
        String operator_name();

        @AttributeDefinition(required = false)
        String operator_email();

        @AttributeDefinition(required = false, type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String operator_password();

        @AttributeDefinition(required = false, description = "An Argon2id hash (PHC format) instead of operator.password")
        String operator_password_hash();
    }

    @Reference
    private Store store;
    @Reference
    private ConfigurationStatus status;

    private volatile IdentityConfig config;
    private final RateLimiter perAccount = new RateLimiter(5, java.time.Duration.ofMinutes(15));
    private final RateLimiter perAddress = new RateLimiter(20, java.time.Duration.ofMinutes(15));
    private volatile Oidc oidc;
    /** The first operator's creation, off the activation path; sign-up and sign-in wait for it. */
    private volatile CompletableFuture<Void> firstOperator = CompletableFuture.completedFuture(null);

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        try {
            IdentityConfig c = IdentityConfig.read(properties);
            config = c;
            status.applied(PID, c.describe());
        } catch (SettingException refused) {
            if (config == null) config = IdentityConfig.read(Map.of());
            status.refused(PID, refused, config.describe());
        }
        IdentityConfig c = config;
        perAccount.configure(c.maxFailures(), c.failureWindow());
        perAddress.configure(c.maxFailuresPerAddress(), c.failureWindow());
        oidc = c.oidc() ? new Oidc(c, store) : null;
        if (c.operatorName() != null && store.inTransaction(conn -> findByName(conn, c.operatorName())) == null) {
            // Its Argon2id hash costs a few hundred milliseconds of a cold JVM at a first start: computed on a thread of
            // its own, so that the API's other endpoints come up meanwhile. After any earlier attempt (a configuration
            // changed meanwhile), which then made this one a no-op.
            firstOperator = firstOperator.thenRunAsync(() -> createFirstOperator(c), task -> {
                Thread t = new Thread(task, "interlink-first-operator");
                t.setDaemon(true);
                t.start();
            }).exceptionally(e -> {
                LOG.error("Could not create the first operator account '{}' from {}: {}", c.operatorName(), PID, e.getMessage(), e);
                return null;
            });
        }
    }

    /** The operator of the configuration, created once: an existing account of that name is never touched. */
    private void createFirstOperator(IdentityConfig c) {
        String hash = c.operatorPasswordHash() != null ? c.operatorPasswordHash() : Passwords.hash(c.operatorPassword());
        store.inTransaction(conn -> {
            if (findByName(conn, c.operatorName()) != null) return null;
            Account a = insert(conn, c.operatorName(), c.operatorEmail().toLowerCase(Locale.ROOT), hash, null, null, null, null);
            setRoles(conn, a.id(), List.of(Account.OPERATOR));
            audit(conn, "account-created", a.name(), "configuration", null, Map.of("roles", List.of(Account.OPERATOR), "source", PID));
            LOG.info("Created the first operator account '{}' from {}", a.name(), PID);
            return null;
        });
    }

    /** Waits (bounded) for the first operator, so that a sign-in or a sign-up right after start sees it. */
    private void awaitFirstOperator() {
        try {
            firstOperator.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Went on without the first operator account: {}", e.toString());
        }
    }

    @Override
    public CookiePolicy cookies() {
        IdentityConfig c = config;
        return new CookiePolicy("interlink_session", "interlink_csrf", c.cookieSecure(), c.sessionAbsolute().toSeconds());
    }

    // ---------------------------------------------------------------- authentication

    @Override
    public Optional<Caller> authenticate(String authorization, String sessionCookie) {
        if (authorization != null && !authorization.isBlank()) return Optional.of(bearer(authorization.trim()));
        if (sessionCookie == null || sessionCookie.isBlank() || sessionCookie.length() > 100) return Optional.empty();
        return session(sessionCookie);
    }

    private Caller bearer(String authorization) {
        String[] parts = authorization.split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || !parts[1].startsWith(TOKEN_PREFIX) || parts[1].length() > 100) {
            throw unauthorized("invalid-credentials", "The Authorization header must be 'Bearer ilt_…', an API token of this platform");
        }
        String hash = Secrets.sha256(parts[1]);
        return store.inTransaction(c -> {
            String id;
            String accountId;
            Timestamp lastUsed;
            try (PreparedStatement s = c.prepareStatement("SELECT id, account_id, last_used_at FROM api_token WHERE token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) throw unauthorized("invalid-credentials", "This API token is unknown or revoked");
                    id = r.getString(1);
                    accountId = r.getString(2);
                    lastUsed = r.getTimestamp(3);
                }
            }
            Instant now = Instant.now();
            if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(TOUCH_SECONDS))) {
                update(c, "UPDATE api_token SET last_used_at = ? WHERE id = ?", Timestamp.from(now), id);
            }
            return new Caller(findById(c, accountId), Caller.Via.TOKEN, id, null);
        });
    }

    private Optional<Caller> session(String token) {
        String hash = Secrets.sha256(token);
        IdentityConfig cfg = config;
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, account_id, csrf, last_seen_at, expires_at FROM account_session WHERE token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return Optional.<Caller>empty();
                    String id = r.getString(1);
                    Instant now = Instant.now();
                    Instant lastSeen = r.getTimestamp(4).toInstant();
                    if (!now.isBefore(r.getTimestamp(5).toInstant()) || !now.isBefore(lastSeen.plus(cfg.sessionIdle()))) {
                        update(c, "DELETE FROM account_session WHERE id = ?", id);
                        return Optional.<Caller>empty();
                    }
                    if (lastSeen.isBefore(now.minusSeconds(TOUCH_SECONDS))) {
                        update(c, "UPDATE account_session SET last_seen_at = ? WHERE id = ?", Timestamp.from(now), id);
                    }
                    return Optional.of(new Caller(findById(c, r.getString(2)), Caller.Via.SESSION, id, r.getString(3)));
                }
            }
        });
    }

    // ---------------------------------------------------------------- local accounts

    @Override
    public Account signUp(SignUp form, String address) {
        IdentityConfig cfg = config;
        String name = Accounts.name("name", form.name());
        String email = Accounts.email("email", form.email());
        Accounts.password("password", form.password(), name, cfg.passwordMinLength());
        if (form.acceptedTerms() == null || !form.acceptedTerms().equals(cfg.termsVersion())) {
            throw IdentityException.invalid("acceptTerms", "Accept the terms of use, version " + cfg.termsVersion() + " (\"acceptTerms\": \"" + cfg.termsVersion() + "\")");
        }
        String hash = Passwords.hash(form.password());
        awaitFirstOperator();
        return store.inTransaction(c -> {
            if (findByName(c, name) != null) throw new IdentityException(409, "name-taken", "Name taken", "The name '" + name + "' is taken", "name", 0);
            if (exists(c, "SELECT 1 FROM account WHERE email = ?", email)) {
                throw new IdentityException(409, "email-taken", "E-mail taken", "An account with this e-mail address exists", "email", 0);
            }
            Account a = insert(c, name, email, hash, null, null, cfg.termsVersion(), Instant.now());
            audit(c, "account-created", name, name, address, Map.of("termsVersion", cfg.termsVersion()));
            return a;
        });
    }

    @Override
    public SignedIn signIn(String name, String password, String address, String userAgent) {
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw IdentityException.invalid(name == null || name.isBlank() ? "name" : "password", "Give 'name' and 'password'");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.length() > 254 || password.length() > 256) throw unauthorized("invalid-credentials", "Wrong name or password");
        awaitFirstOperator();
        Instant now = Instant.now();
        long wait = Math.max(perAccount.retryAfter(key, now), address == null ? 0 : perAddress.retryAfter(address, now));
        if (wait > 0) {
            store.inTransaction(c -> audit(c, "sign-in-throttled", key, null, address, Map.of("retryAfter", wait)));
            throw new IdentityException(429, "too-many-attempts", "Too many attempts",
                    "Too many failed sign-ins for this account or from this address; try again in " + wait + " s", null, wait);
        }
        // Sign in by name or by e-mail address.
        Account account = store.inTransaction(c -> key.contains("@") ? findBy(c, "email", key) : findByName(c, key));
        String hash = account == null ? null : store.inTransaction(c -> passwordHash(c, account.id()));
        boolean ok;
        if (hash == null) {
            Passwords.burn(password);
            ok = false;
        } else {
            ok = Passwords.verify(password, hash);
        }
        if (!ok) {
            perAccount.failed(key, now);
            if (address != null) perAddress.failed(address, now);
            store.inTransaction(c -> audit(c, "sign-in-failed", account == null ? key : account.name(), null, address, Map.of()));
            throw unauthorized("invalid-credentials", "Wrong name or password");
        }
        perAccount.succeeded(key);
        return store.inTransaction(c -> {
            audit(c, "signed-in", account.name(), account.name(), address, Map.of("method", "password"));
            return newSession(c, account, address, userAgent);
        });
    }

    private SignedIn newSession(Connection c, Account account, String address, String userAgent) throws SQLException {
        IdentityConfig cfg = config;
        String token = Secrets.random();
        String csrf = Secrets.random();
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant expires = now.plus(cfg.sessionAbsolute());
        // Sessions nobody presents again are never deleted on use: sweep the expired ones at each sign-in.
        update(c, "DELETE FROM account_session WHERE expires_at < ? OR last_seen_at < ?", Timestamp.from(now), Timestamp.from(now.minus(cfg.sessionIdle())));
        update(c, "INSERT INTO account_session (id, token_hash, account_id, csrf, created_at, last_seen_at, expires_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, Secrets.sha256(token), account.id(), csrf, Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires),
                address, userAgent == null ? null : clip(userAgent, 400));
        return new SignedIn(account, id, token, csrf, expires);
    }

    @Override
    public void signOut(Caller caller, String address) {
        store.inTransaction(c -> {
            if (caller.via() == Caller.Via.SESSION) update(c, "DELETE FROM account_session WHERE id = ?", caller.credentialId());
            audit(c, "signed-out", caller.account().name(), caller.account().name(), address, Map.of());
            return null;
        });
    }

    @Override
    public void changePassword(Caller caller, String oldPassword, String newPassword, String address) {
        Account account = caller.account();
        String hash = store.inTransaction(c -> passwordHash(c, account.id()));
        if (hash == null) {
            throw new IdentityException(409, "no-password", "No password", "This account signs in with OpenID Connect and has no password here");
        }
        if (oldPassword == null || !Passwords.verify(oldPassword, hash)) {
            store.inTransaction(c -> audit(c, "password-change-failed", account.name(), account.name(), address, Map.of()));
            throw new IdentityException(403, "wrong-password", "Wrong password", "The current password is wrong", "oldPassword", 0);
        }
        Accounts.password("newPassword", newPassword, account.name(), config.passwordMinLength());
        String newHash = Passwords.hash(newPassword);
        store.inTransaction(c -> {
            update(c, "UPDATE account SET password_hash = ?, password_changed_at = ? WHERE id = ?", newHash, Timestamp.from(Instant.now()), account.id());
            // Whoever else holds a session (a stolen cookie, a forgotten browser) loses it; this one stays.
            int ended = caller.via() == Caller.Via.SESSION
                    ? update(c, "DELETE FROM account_session WHERE account_id = ? AND id <> ?", account.id(), caller.credentialId())
                    : update(c, "DELETE FROM account_session WHERE account_id = ?", account.id());
            audit(c, "password-changed", account.name(), account.name(), address, Map.of("sessionsEnded", ended));
            return null;
        });
    }

    @Override
    public List<SessionInfo> sessions(Account account) {
        return store.inTransaction(c -> {
            List<SessionInfo> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, created_at, last_seen_at, expires_at, address, user_agent FROM account_session WHERE account_id = ? ORDER BY created_at")) {
                s.setString(1, account.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new SessionInfo(r.getString(1), instant(r, 2), instant(r, 3), instant(r, 4), r.getString(5), r.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- API tokens

    @Override
    public NewApiToken createToken(Account account, String name, String address) {
        if (name == null || name.isBlank() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw IdentityException.invalid("name", "A token's name is 1 to 100 printable characters, to recognise it by");
        }
        String secret = TOKEN_PREFIX + Secrets.random();
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        ApiToken token = new ApiToken(id, name.strip(), secret.substring(0, 10), now, null);
        store.inTransaction(c -> {
            long count = count(c, "SELECT COUNT(*) FROM api_token WHERE account_id = ?", account.id());
            if (count >= 100) throw new IdentityException(409, "too-many-tokens", "Too many tokens", "An account has at most 100 API tokens; revoke some first");
            update(c, "INSERT INTO api_token (id, token_hash, account_id, name, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, Secrets.sha256(secret), account.id(), token.name(), token.prefix(), Timestamp.from(now));
            audit(c, "token-created", account.name(), account.name(), address, Map.of("token", id, "name", token.name()));
            return null;
        });
        return new NewApiToken(token, secret);
    }

    @Override
    public List<ApiToken> tokens(Account account) {
        return store.inTransaction(c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, name, prefix, created_at, last_used_at FROM api_token WHERE account_id = ? ORDER BY created_at, id")) {
                s.setString(1, account.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new ApiToken(r.getString(1), r.getString(2), r.getString(3), instant(r, 4), instant(r, 5)));
                }
            }
            return out;
        });
    }

    @Override
    public void revokeToken(Account account, String tokenId, String address) {
        store.inTransaction(c -> {
            if (update(c, "DELETE FROM api_token WHERE id = ? AND account_id = ?", tokenId, account.id()) == 0) {
                throw new IdentityException(404, "not-found", "Token not found", "You have no API token '" + clip(tokenId, 80) + "'");
            }
            audit(c, "token-revoked", account.name(), account.name(), address, Map.of("token", tokenId));
            return null;
        });
    }

    // ---------------------------------------------------------------- operators

    @Override
    public List<Account> accounts() {
        return store.inTransaction(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ACCOUNT_SELECT + " ORDER BY name")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(account(c, r));
                }
            }
            return out;
        });
    }

    @Override
    public Account setRoles(Caller actor, String accountName, List<String> roles, String address) {
        for (String role : roles) {
            if (!Account.OPERATOR.equals(role)) throw IdentityException.invalid("roles", "The roles an account may have are: " + Account.OPERATOR);
        }
        return store.inTransaction(c -> {
            Account a = accountName == null ? null : findByName(c, accountName.toLowerCase(Locale.ROOT));
            if (a == null) throw new IdentityException(404, "not-found", "Account not found", "There is no account '" + clip(accountName, 80) + "'");
            if (a.id().equals(actor.account().id()) && !roles.contains(Account.OPERATOR)) {
                throw new IdentityException(409, "last-operator", "Own role", "Operators cannot take the operator role from themselves; another operator can");
            }
            update(c, "DELETE FROM account_role WHERE account_id = ?", a.id());
            setRoles(c, a.id(), roles);
            audit(c, "roles-changed", a.name(), actor.account().name(), address, Map.of("from", List.copyOf(new java.util.TreeSet<>(a.roles())), "to", List.copyOf(new LinkedHashSet<>(roles))));
            return findById(c, a.id());
        });
    }

    @Override
    public List<AuditEntry> audit(String accountName, int limit, long before) {
        return store.inTransaction(c -> auditEntries(c, accountName, limit, before));
    }

    private List<AuditEntry> auditEntries(Connection c, String accountName, int limit, long before) throws SQLException {
        String sql = "SELECT id, occurred_at, event, account_name, actor, address, details FROM audit_log WHERE id < ?"
                + (accountName == null ? "" : " AND (account_name = ? OR actor = ?)") + " ORDER BY id DESC";
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit);
            s.setLong(1, before);
            if (accountName != null) {
                s.setString(2, accountName);
                s.setString(3, accountName);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditEntry(r.getLong(1), instant(r, 2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), details(r.getString(7))));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- GDPR

    @Override
    public Map<String, Object> export(Account account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", account);
        out.put("sessions", sessions(account));
        out.put("tokens", tokens(account));
        store.inTransaction(c -> {
            out.put("audit", auditEntries(c, account.name(), 10_000, Long.MAX_VALUE));
            out.put("administeredProcesses", rows(c, "SELECT p.id, p.name, a.added_at FROM process_administrator a JOIN coproduction_process p ON p.id = a.process_id WHERE a.user_name = ? ORDER BY a.added_at",
                    account.name(), "id", "name", "addedAt"));
            out.put("createdProcesses", rows(c, "SELECT id, name, created_at FROM coproduction_process WHERE created_by = ? ORDER BY created_at", account.name(), "id", "name", "createdAt"));
            out.put("participationRequests", rows(c, "SELECT process_id, status, message, created_at FROM participation_request WHERE applicant = ? ORDER BY created_at",
                    account.name(), "process", "status", "message", "createdAt"));
            out.put("teams", rows(c, "SELECT t.id, t.name, t.organisation_id, m.is_administrator, m.added_at FROM team_member m JOIN team t ON t.id = m.team_id"
                    + " WHERE m.user_name = ? ORDER BY m.added_at", account.name(), "id", "name", "organisation", "administrator", "addedAt"));
            out.put("teamApplications", rows(c, "SELECT id, team_id, status, message, created_at, decided_at FROM team_application WHERE applicant = ? ORDER BY created_at",
                    account.name(), "id", "team", "status", "message", "createdAt", "decidedAt"));
            out.put("administeredOrganisations", rows(c, "SELECT o.id, a.added_at FROM organisation_administrator a JOIN organisation o ON o.id = a.organisation_id"
                    + " WHERE a.user_name = ? ORDER BY a.added_at", account.name(), "id", "addedAt"));
            out.put("ratings", rows(c, "SELECT entry_id, stars, updated_at FROM catalogue_rating WHERE user_name = ? ORDER BY updated_at", account.name(), "interlinker", "stars", "updatedAt"));
            out.put("ownedStories", rows(c, "SELECT s.id, s.title, s.published_at FROM story_owner o JOIN story s ON s.id = o.story_id WHERE o.user_name = ? ORDER BY s.published_at",
                    account.name(), "id", "title", "publishedAt"));
            out.put("storyRatings", rows(c, "SELECT story_id, stars, comment, rated_at FROM story_rating WHERE user_name = ? ORDER BY rated_at",
                    account.name(), "story", "stars", "comment", "ratedAt"));
            out.put("contributionClaims", rows(c, "SELECT id, process_id, task_id, kind, points, status, description, created_at, decided_at FROM contribution_claim"
                    + " WHERE claimant = ? ORDER BY created_at", account.name(), "id", "process", "task", "kind", "points", "status", "description", "createdAt", "decidedAt"));
            out.put("activity", rows(c, "SELECT id, occurred_at, topic, subject_type, subject_id FROM activity_log WHERE actor = ? ORDER BY id DESC", account.name(),
                    "id", "occurredAt", "topic", "subjectType", "subjectId"));
            out.put("notifications", rows(c, "SELECT id, type, state, actor, process_id, subject_type, subject_id, created_at FROM notification WHERE user_name = ?"
                    + " ORDER BY seq", account.name(), "id", "type", "state", "actor", "process", "subjectType", "subjectId", "createdAt"));
            out.put("notificationPreferences", rows(c, "SELECT category, channel, enabled FROM notification_preference WHERE user_name = ? ORDER BY category, channel",
                    account.name(), "category", "channel", "enabled"));
            return null;
        });
        return out;
    }

    /** Where the platform records a person's name in what is kept after their account goes: table and column. */
    private static final String[][] NAMED = {
        {"process_administrator", "user_name"}, {"process_administrator", "added_by"}, {"coproduction_process", "created_by"},
        {"tree_item", "created_by"}, {"tree_item", "disabled_by"}, {"activity_log", "actor"}, {"asset", "created_by"},
        {"interlinker_history", "actor"}, {"catalogue_rating", "user_name"}, {"audit_log", "account_name"}, {"audit_log", "actor"},
        {"process_permission", "granted_by"}, {"participation_request", "applicant"}, {"participation_request", "decided_by"},
        {"organisation", "created_by"}, {"organisation_administrator", "user_name"}, {"organisation_administrator", "added_by"},
        {"team", "created_by"}, {"team_member", "user_name"}, {"team_member", "added_by"}, {"team_application", "applicant"},
        {"team_application", "decided_by"}, {"story", "published_by"}, {"story_owner", "user_name"}, {"story_rating", "user_name"},
        {"notification", "actor"}, {"contribution_assignment", "assignee"}, {"contribution_assignment", "created_by"},
        {"contribution_claim", "claimant"}, {"contribution_claim", "decided_by"}, {"contribution_settings", "updated_by"},
    };

    @Override
    public String erase(Caller caller, String address) {
        Account a = caller.account();
        String pseudonym = Accounts.ERASED + UUID.randomUUID().toString().substring(0, 8);
        store.inTransaction(c -> {
            // Sessions, tokens and roles go with the account (ON DELETE CASCADE).
            update(c, "DELETE FROM account WHERE id = ?", a.id());
            // What was addressed to the person goes with them (notifications name others only as actors).
            update(c, "DELETE FROM notification WHERE user_name = ?", a.name());
            update(c, "DELETE FROM notification_preference WHERE user_name = ?", a.name());
            update(c, "DELETE FROM notification_profile WHERE user_name = ?", a.name());
            for (String[] column : NAMED) {
                update(c, "UPDATE " + column[0] + " SET " + column[1] + " = ? WHERE " + column[1] + " = ?", pseudonym, a.name());
            }
            int documents = DocumentNames.pseudonymise(c, a.name(), pseudonym);
            audit(c, "account-erased", pseudonym, pseudonym, null, Map.of("interlinkerDocuments", documents));
            return null;
        });
        return pseudonym;
    }

    // ---------------------------------------------------------------- OpenID Connect

    @Override
    public String termsVersion() {
        return config.termsVersion();
    }

    @Override
    public int passwordMinLength() {
        return config.passwordMinLength();
    }

    @Override
    public boolean oidcEnabled() {
        return oidc != null;
    }

    @Override
    public OidcStart oidcStart() {
        return requireOidc().start();
    }

    @Override
    public SignedIn oidcComplete(String code, String state, String binding, String address, String userAgent) {
        Oidc o = requireOidc();
        Oidc.Identity id;
        try {
            id = o.complete(code, state, binding);
        } catch (IdentityException refused) {
            store.inTransaction(c -> audit(c, "sign-in-failed", null, null, address, Map.of("method", "oidc", "reason", refused.getMessage())));
            throw refused;
        }
        return store.inTransaction(c -> {
            Account a = findBy(c, "oidc_issuer = ? AND oidc_subject", id.issuer(), id.subject());
            if (a == null) {
                a = insert(c, freeName(c, id.preferredName()), freeEmail(c, id.email(), id.subject()), null, id.issuer(), id.subject(), config.termsVersion(), null);
                audit(c, "account-created", a.name(), a.name(), address, Map.of("method", "oidc", "issuer", id.issuer()));
            }
            audit(c, "signed-in", a.name(), a.name(), address, Map.of("method", "oidc"));
            return newSession(c, a, address, userAgent);
        });
    }

    private Oidc requireOidc() {
        Oidc o = oidc;
        if (o == null) throw new IdentityException(409, "oidc-disabled", "OpenID Connect is off", "Sign-in with OpenID Connect is not configured on this platform");
        return o;
    }

    private String freeName(Connection c, String wanted) throws SQLException {
        String base = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (Accounts.nameProblem(base) != null) base = "user";
        if (base.length() > 26) base = base.substring(0, 26);
        String name = base;
        for (int i = 2; findByName(c, name) != null || Accounts.nameProblem(name) != null; i++) name = base + "-" + i;
        return name;
    }

    private String freeEmail(Connection c, String email, String subject) throws SQLException {
        if (email != null && Accounts.emailProblem(email) == null && !exists(c, "SELECT 1 FROM account WHERE email = ?", email.toLowerCase(Locale.ROOT))) {
            return email.toLowerCase(Locale.ROOT);
        }
        // The address is unknown or another account holds it: a placeholder keeps the column unique.
        return Secrets.sha256(subject).substring(0, 16) + "@oidc.invalid";
    }

    // ---------------------------------------------------------------- SQL

    private static final String ACCOUNT_SELECT = "SELECT id, name, email, created_at, terms_version, terms_accepted_at, oidc_issuer, oidc_subject FROM account";

    private Account insert(Connection c, String name, String email, String hash, String issuer, String subject, String terms, Instant termsAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        update(c, "INSERT INTO account (id, name, email, password_hash, oidc_issuer, oidc_subject, terms_version, terms_accepted_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, name, email, hash, issuer, subject, terms, termsAt == null ? null : Timestamp.from(termsAt), Timestamp.from(now));
        return findById(c, id);
    }

    private static void setRoles(Connection c, String accountId, List<String> roles) throws SQLException {
        for (String role : new LinkedHashSet<>(roles)) update(c, "INSERT INTO account_role (account_id, role) VALUES (?, ?)", accountId, role);
    }

    private Account findByName(Connection c, String name) throws SQLException {
        return findBy(c, "name", name);
    }

    private Account findById(Connection c, String id) throws SQLException {
        Account a = findBy(c, "id", id);
        if (a == null) throw unauthorized("invalid-credentials", "The account of this credential no longer exists");
        return a;
    }

    private Account findBy(Connection c, String column, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ACCOUNT_SELECT + " WHERE " + column + " = ?")) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? account(c, r) : null;
            }
        }
    }

    private static Account account(Connection c, ResultSet r) throws SQLException {
        String id = r.getString(1);
        Set<String> roles = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT role FROM account_role WHERE account_id = ? ORDER BY role")) {
            s.setString(1, id);
            try (ResultSet rr = s.executeQuery()) {
                while (rr.next()) roles.add(rr.getString(1));
            }
        }
        return new Account(id, r.getString(2), r.getString(3), roles, instant(r, 4), r.getString(5), instant(r, 6), r.getString(7), r.getString(8));
    }

    private static String passwordHash(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM account WHERE id = ?")) {
            s.setString(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static Object audit(Connection c, String event, String accountName, String actor, String address, Map<String, Object> details) throws SQLException {
        String json;
        try {
            json = details.isEmpty() ? null : JSON.writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        update(c, "INSERT INTO audit_log (occurred_at, event, account_name, actor, address, details) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), event, accountName == null ? null : clip(accountName, 200), actor, address, json);
        return null;
    }

    private static Map<String, Object> details(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            return Map.of("raw", json);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, String param, String... names) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(10_000);
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        Object v = r.getObject(i + 1);
                        if (v instanceof Timestamp t) v = t.toInstant().toString();
                        else if (v instanceof java.time.OffsetDateTime o) v = o.toInstant().toString();
                        row.put(names[i], v);
                    }
                    out.add(new LinkedHashMap<>(row));
                }
            }
        }
        return out;
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            return s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long count(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static IdentityException unauthorized(String type, String detail) {
        return new IdentityException(401, type, "Not signed in", detail);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
