package eu.interlink.coproduction;

/**
 * The Event Admin topics of co-production changes, posted after each change commits (properties as in
 * {@link eu.interlink.kernel.service.Events}: subject type and id, actor, process id), so the activity log
 * records them.
 */
public final class CoproductionEvents {
    private CoproductionEvents() {
    }

    public static final String SCHEMA_CREATED = "eu/interlink/schema/CREATED";
    public static final String SCHEMA_UPDATED = "eu/interlink/schema/UPDATED";
    public static final String SCHEMA_DELETED = "eu/interlink/schema/DELETED";

    public static final String PROCESS_CREATED = "eu/interlink/process/CREATED";
    public static final String PROCESS_UPDATED = "eu/interlink/process/UPDATED";
    public static final String PROCESS_DELETED = "eu/interlink/process/DELETED";
    /** The process became a read-only public record. */
    public static final String PROCESS_FROZEN = "eu/interlink/process/FROZEN";
    /** A new process copied from another ({@code source}). */
    public static final String PROCESS_CLONED = "eu/interlink/process/CLONED";
    /** The process was written to a zip. */
    public static final String PROCESS_EXPORTED = "eu/interlink/process/EXPORTED";
    /** A new process made from a zip ({@code sourcePlatform}, {@code sourceProcess}). */
    public static final String PROCESS_IMPORTED = "eu/interlink/process/IMPORTED";
    public static final String ADMINISTRATOR_ADDED = "eu/interlink/process/ADMINISTRATOR_ADDED";
    public static final String ADMINISTRATOR_REMOVED = "eu/interlink/process/ADMINISTRATOR_REMOVED";
    /** A schema's tree was copied into the process ({@code schema}). */
    public static final String TREE_INSTANTIATED = "eu/interlink/process/TREE_INSTANTIATED";
    public static final String TREE_CLEARED = "eu/interlink/process/TREE_CLEARED";

    public static final String ITEM_CREATED = "eu/interlink/treeitem/CREATED";
    /** With {@code fields}: the names of what changed. */
    public static final String ITEM_UPDATED = "eu/interlink/treeitem/UPDATED";
    public static final String ITEM_DISABLED = "eu/interlink/treeitem/DISABLED";
    public static final String ITEM_ENABLED = "eu/interlink/treeitem/ENABLED";
    public static final String ITEM_DELETED = "eu/interlink/treeitem/DELETED";

    /** With {@code team}, {@code item} (when on a subtree) and the flags. */
    public static final String PERMISSION_GRANTED = "eu/interlink/process/PERMISSION_GRANTED";
    public static final String PERMISSION_CHANGED = "eu/interlink/process/PERMISSION_CHANGED";
    public static final String PERMISSION_REVOKED = "eu/interlink/process/PERMISSION_REVOKED";
    public static final String PARTICIPATION_REQUESTED = "eu/interlink/process/PARTICIPATION_REQUESTED";
    /** With {@code applicant} and {@code team}, which the applicant joined. */
    public static final String PARTICIPATION_ACCEPTED = "eu/interlink/process/PARTICIPATION_ACCEPTED";
    public static final String PARTICIPATION_DECLINED = "eu/interlink/process/PARTICIPATION_DECLINED";
}
