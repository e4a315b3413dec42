package eu.interlink.store;

/**
 * @param up       whether a connection could be had and answered within the check's time limit
 * @param database product name and version, such as {@code H2 2.2.224}, or empty when down
 * @param detail   what went wrong when down, empty otherwise
 */
public record StoreHealth(boolean up, String database, String detail) {
}
