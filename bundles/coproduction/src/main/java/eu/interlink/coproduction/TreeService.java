package eu.interlink.coproduction;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The phase → objective → task tree of each process. Every change rolls status, progress and dates up to the
 * process in the same transaction and is posted as an event. Changes need a process administrator (403).
 * Failures: {@link FieldException} naming the field, 403, 404, 409 (a prerequisite not finished, a tree
 * already there…).
 */
@ProviderType
public interface TreeService {

    /** 404 for an unknown process. */
    ProcessTree tree(String processId);

    Optional<TreeItem> item(String processId, String itemId);

    /** Copies a schema's tree into a process that has none (409 otherwise), prerequisites linked to the copies. */
    ProcessTree instantiate(String processId, String schemaId, String user);

    /** Removes the whole tree and the assets of its tasks. */
    void clear(String processId, String user);

    TreeItem add(String processId, ItemFields fields, String user);

    TreeItem update(String processId, String itemId, ItemFields changes, String user);

    /** Disables ({@code disabled}) or enables an item: a disabled item and its subtree do not count in roll-ups. */
    TreeItem setDisabled(String processId, String itemId, boolean disabled, String user);

    /** Deletes an item with its subtree and the assets of its tasks; prerequisites on it are removed. */
    void delete(String processId, String itemId, String user);
}
