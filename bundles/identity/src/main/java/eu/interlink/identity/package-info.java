/**
 * Who is calling: accounts, sessions, API tokens, OpenID Connect sign-in and the security audit log, for the
 * platform's front ends (the JSON API, the shell). Not for Interlinkers, which see the caller as the request's
 * principal.
 */
@Version("1.1.0")
@Export
package eu.interlink.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
