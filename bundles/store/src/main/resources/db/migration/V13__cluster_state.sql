-- State that must be the same on every node (issue #13: any node answers any request).

-- Each node keeps the catalogue in memory; this counter, moved by every change to it, tells the other nodes to
-- reload theirs.
CREATE TABLE catalogue_revision (
    id       INTEGER PRIMARY KEY,
    revision BIGINT  NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (1, 1);

-- OpenID Connect sign-ins in progress: started on one node, the browser may come back on another.
CREATE TABLE oidc_attempt (
    binding    VARCHAR(64)  PRIMARY KEY,
    state      VARCHAR(64)  NOT NULL,
    nonce      VARCHAR(64)  NOT NULL,
    verifier   VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_attempt_expires ON oidc_attempt (expires_at);

