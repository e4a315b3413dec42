/**
 * Contributions and rewards inside a co-production process: administrators assign task contributions of a kind
 * with points, participants claim them, administrators approve or reject the claims, and approved points make a
 * per-process leaderboard (when the process opts in) and a certificate per user. For the platform's front ends;
 * it builds on {@code eu.interlink.coproduction} for processes, trees and permissions.
 */
@Version("1.0.0")
@Export
package eu.interlink.contributions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
