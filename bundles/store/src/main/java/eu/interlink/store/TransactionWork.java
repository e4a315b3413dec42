package eu.interlink.store;

import java.sql.Connection;

import org.osgi.annotation.versioning.ConsumerType;

/** Work done in a {@link Store#inTransaction transaction}, on its connection (do not commit or close it). */
@ConsumerType
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Connection connection) throws Exception;
}
