package eu.interlink.store;

import eu.interlink.api.DocumentStore;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's database, migrated to the current schema before this service is registered.
 *
 * <p>Work runs in a transaction bound to the calling thread: a nested {@link #inTransaction} joins the one
 * already open, so a kernel operation and the Interlinker call it makes commit or roll back together.
 */
@ProviderType
public interface Store {

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(TransactionWork<T> work);

    /**
     * The data of one asset of one Interlinker, in the transaction open on this thread.
     *
     * @throws IllegalStateException outside {@link #inTransaction}
     */
    DocumentStore documents(String interlinkerId, String assetId);

    /** Deletes every document and blob of an asset, in the transaction open on this thread. */
    void deleteDocuments(String interlinkerId, String assetId);

    /** Copies every document and blob of one asset to another (both empty or not), in the open transaction. */
    void copyDocuments(String interlinkerId, String fromAssetId, String toAssetId);

    /** Whether the database answers, and which one it is. Never throws. */
    StoreHealth health();
}
