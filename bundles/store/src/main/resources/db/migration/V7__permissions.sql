-- Permissions of teams on processes and their subtrees, and requests to take part in public processes
-- (bundles/coproduction). Portable between H2 and PostgreSQL.

-- A grant to a team on a whole process (tree_item_id null) or on a phase, objective or task and what lies below
-- it. Along the path from the process to an item, the deepest level holding a grant for one of the caller's
-- teams decides; grants at that level add up. At most one grant per team and level (checked on grant).
CREATE TABLE process_permission (
    id            VARCHAR(64)  PRIMARY KEY,
    process_id    VARCHAR(64)  NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    tree_item_id  VARCHAR(64)  REFERENCES tree_item (id) ON DELETE CASCADE,
    team_id       VARCHAR(64)  NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    access_assets BOOLEAN      NOT NULL,
    create_assets BOOLEAN      NOT NULL,
    delete_assets BOOLEAN      NOT NULL,
    granted_by    VARCHAR(200) NOT NULL,
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX process_permission_process ON process_permission (process_id, team_id);
CREATE INDEX process_permission_team ON process_permission (team_id);

-- A signed-in account asks to take part in a public process; an administrator accepts it into one of the
-- process's teams, or declines it.
CREATE TABLE participation_request (
    id          VARCHAR(64)   PRIMARY KEY,
    process_id  VARCHAR(64)   NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    applicant   VARCHAR(200)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    team_id     VARCHAR(64)   REFERENCES team (id) ON DELETE SET NULL,
    decided_by  VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX participation_request_process ON participation_request (process_id, status, created_at);
CREATE INDEX participation_request_applicant ON participation_request (applicant);
