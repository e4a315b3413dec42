/**
 * A minimal Interlinker for the integration tests: a bundle of its own, so that a test can drop it into
 * Karaf's {@code deploy/} folder and watch it join and leave the catalogue. Private; never shipped.
 */
package eu.interlink.testing.sample;
