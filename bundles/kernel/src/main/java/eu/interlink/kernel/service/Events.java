package eu.interlink.kernel.service;

/** The Event Admin topics and properties the kernel posts; every event is also written to the activity log. */
public final class Events {
    private Events() {
    }

    public static final String TOPIC_PREFIX = "eu/interlink/";
    public static final String INTERLINKER_ARRIVED = "eu/interlink/interlinker/ARRIVED";
    public static final String INTERLINKER_DEPARTED = "eu/interlink/interlinker/DEPARTED";
    public static final String INTERLINKER_REJECTED = "eu/interlink/interlinker/REJECTED";
    /** An upgrade or rollback, with {@code version}, {@code from} and {@code outcome} ({@code ok} or {@code failed}). */
    public static final String INTERLINKER_UPGRADED = "eu/interlink/interlinker/UPGRADED";
    public static final String INTERLINKER_ROLLED_BACK = "eu/interlink/interlinker/ROLLED_BACK";
    public static final String ASSET_CREATED = "eu/interlink/asset/CREATED";
    public static final String ASSET_COPIED = "eu/interlink/asset/COPIED";
    public static final String ASSET_DELETED = "eu/interlink/asset/DELETED";

    /** Kind of thing the event is about: {@code interlinker}, {@code asset}… (required). */
    public static final String SUBJECT_TYPE = "subject.type";
    /** Id of that thing (required). */
    public static final String SUBJECT_ID = "subject.id";
    /** Who caused it; absent for the platform itself. */
    public static final String ACTOR = "actor";
    /** The process it belongs to, if any. */
    public static final String PROCESS_ID = "process.id";
}
