package eu.interlink.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts and their credentials. Every method that changes something records it in the audit log; {@code address}
 * is the client's network address, as the front end sees it.
 */
@ProviderType
public interface IdentityService {
    /** Configuration PID: {@code etc/eu.interlink.identity.cfg}. */
    String PID = "eu.interlink.identity";

    /**
     * Who makes a request, from its {@code Authorization} header ({@code Bearer ilt_…}) or else its session cookie
     * value; empty when neither is given. An expired, revoked or unknown credential is refused with a 401.
     */
    Optional<Caller> authenticate(String authorization, String sessionCookie);

    /** The name of the session cookie, and its attributes ({@code Secure} by configuration). */
    CookiePolicy cookies();

    Account signUp(SignUp form, String address);

    /** Checks the password, limited in rate per account and per address (429 beyond). */
    SignedIn signIn(String name, String password, String address, String userAgent);

    void signOut(Caller caller, String address);

    /** Changes the password (the old one is required) and ends every other session of the account. */
    void changePassword(Caller caller, String oldPassword, String newPassword, String address);

    List<SessionInfo> sessions(Account account);

    NewApiToken createToken(Account account, String name, String address);

    List<ApiToken> tokens(Account account);

    void revokeToken(Account account, String tokenId, String address);

    /** Accounts, for operators. */
    List<Account> accounts();

    /** Sets an account's roles (operators only; the front end checks), audited as a role change. */
    Account setRoles(Caller actor, String accountName, List<String> roles, String address);

    /** Audit entries, newest first; {@code accountName} null for all. */
    List<AuditEntry> audit(String accountName, int limit, long before);

    /** Everything the platform holds about the account, for its owner (GDPR access). */
    Map<String, Object> export(Account account);

    /**
     * Erases the account (GDPR erasure): its sessions, tokens and account are deleted, and its name where kept
     * contributions record it is replaced by a pseudonym, which is returned.
     */
    String erase(Caller caller, String address);

    /** The version of the terms of use that a sign-up must accept ({@code acceptTerms}). */
    String termsVersion();

    /** The shortest password a sign-up or a password change may set. */
    int passwordMinLength();

    /** Whether OpenID Connect sign-in is configured. */
    boolean oidcEnabled();

    /** Starts an OpenID Connect sign-in (authorization code with PKCE, state and nonce). */
    OidcStart oidcStart();

    /** Completes it from the provider's redirect: checks state and the ID token, links or creates the account. */
    SignedIn oidcComplete(String code, String state, String binding, String address, String userAgent);

    /** How the session cookies are written. */
    record CookiePolicy(String sessionName, String csrfName, boolean secure, long maxAgeSeconds) {
    }
}
