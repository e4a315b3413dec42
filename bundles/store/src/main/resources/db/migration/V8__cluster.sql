-- Several nodes over one database (issue #13): the set of Interlinker bundles every node should have, and in
-- which state. Written by the operations path (admin API, shell, deploy/) of whichever node made the change;
-- read by every node's ClusterReconciler, which installs, starts, stops or uninstalls its own bundles to match.
-- Whether an Interlinker is disabled stays in interlinker_state (already shared).
CREATE TABLE cluster_bundle (
    symbolic_name  VARCHAR(200) NOT NULL,
    -- The bundle's full OSGi version (with its qualifier).
    version        VARCHAR(100) NOT NULL,
    interlinker_id VARCHAR(64),
    -- active (installed and started), stopped (installed, kept for a rollback), removed (uninstalled).
    desired        VARCHAR(20)  NOT NULL,
    -- The jar's SHA-256 (hex) in cluster_jar; null for a bundle every node already has (from a feature).
    sha256         VARCHAR(64),
    -- From cluster_revision at the change: the highest revision is the latest change, on every node.
    revision       BIGINT       NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(200),
    node           VARCHAR(200),
    CONSTRAINT cluster_bundle_pk PRIMARY KEY (symbolic_name, version)
);

-- The jars, in chunks (as asset_blob_chunk) so that no database limit on one value applies.
CREATE TABLE cluster_jar (
    sha256 VARCHAR(64) NOT NULL,
    seq    INTEGER     NOT NULL,
    content ${binary}  NOT NULL,
    CONSTRAINT cluster_jar_pk PRIMARY KEY (sha256, seq)
);

-- One row: the revision counter. Writers increment it in their transaction, which also orders them.
CREATE TABLE cluster_revision (
    id       INTEGER PRIMARY KEY,
    revision BIGINT  NOT NULL
);
INSERT INTO cluster_revision (id, revision) VALUES (1, 0);
