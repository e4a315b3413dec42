/**
 * Version 0.3.0 of the sample Interlinker, a bundle with the same symbolic name as module {@code sample}, whose
 * data migration 2 to 3 always fails: the integration tests prove that the kernel rolls the upgrade back. Private;
 * never shipped.
 */
package eu.interlink.testing.sample.v3;
