package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Optional;

import eu.interlink.api.InterlinkerDescriptor;

/**
 * What the kernel knows of one Interlinker registration.
 *
 * @param id         the Interlinker's id; for a rejected registration, what it claimed (may be empty)
 * @param version    its version, or what it claimed
 * @param status     where it stands
 * @param reason     why it is rejected, failing or disabled, in words that say what to fix; empty otherwise
 * @param bundle     the bundle that registered it
 * @param descriptor its descriptor; empty when it could not be read
 * @param since      when it took this status
 * @param serving    whether this registration is the one that serves its id now (one per id at most)
 */
public record InterlinkerEntry(String id, String version, InterlinkerStatus status, String reason, BundleInfo bundle,
        Optional<InterlinkerDescriptor> descriptor, Instant since, boolean serving) {
}
