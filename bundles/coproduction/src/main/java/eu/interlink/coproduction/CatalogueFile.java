package eu.interlink.coproduction;

/** A file of a catalogue entry (logo, snapshot, knowledge resource), small enough to hold in memory. */
public record CatalogueFile(String name, String contentType, byte[] content) {
}
