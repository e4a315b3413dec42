/**
 * Version 0.2.0 of the sample Interlinker, a bundle with the same symbolic name as module {@code sample}: the
 * integration tests swap it in and out to prove upgrades, data migrations and rollbacks. Private; never shipped.
 */
package eu.interlink.testing.sample.v2;
