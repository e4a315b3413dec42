package eu.interlink.kernel.service;

/** The bundle that registered an Interlinker. */
public record BundleInfo(long id, String symbolicName, String version) {
}
