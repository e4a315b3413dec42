/**
 * The conformance kit for Interlinker authors: {@link eu.interlink.testkit.ConformanceKit} checks that an
 * Interlinker keeps the rules of the SPI, either in a plain unit test (the checks that need no container) or
 * inside a booted platform from a Pax Exam test (all of them, through the kernel itself). Every failed check
 * says, in words, what to fix.
 *
 * <p>{@link eu.interlink.testkit.InMemoryDocumentStore}, {@link eu.interlink.testkit.InMemoryAssetContext} and
 * {@link eu.interlink.testkit.InMemoryAssetAccess} stand in for the kernel in unit tests, with its rules
 * (document versions, optimistic writes, one transaction per call).
 */
@Version("1.0.0")
@Export
package eu.interlink.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
