-- Contributions and rewards (bundles/contributions): what process administrators assign on tasks, what
-- participants claim to have done, the administrators' decisions, and per process whether the leaderboard is
-- shown. Portable between H2 and PostgreSQL. Every column holding an account name is in identity's erasure list.

-- A contribution on a task, for one user (assignee) or, with assignee null, for anyone with rights on the task.
CREATE TABLE contribution_assignment (
    id           VARCHAR(64)   PRIMARY KEY,
    process_id   VARCHAR(64)   NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    task_id      VARCHAR(64)   NOT NULL REFERENCES tree_item (id) ON DELETE CASCADE,
    assignee     VARCHAR(200),
    kind         VARCHAR(20)   NOT NULL,
    points       INTEGER       NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contribution_assignment_process ON contribution_assignment (process_id, created_at);

-- A participant's claim to have made an assigned contribution; points count once it is approved. The kind and
-- points are copied from the assignment when claimed, so a later change there never rewrites a decision.
CREATE TABLE contribution_claim (
    id             VARCHAR(64)   PRIMARY KEY,
    assignment_id  VARCHAR(64)   NOT NULL REFERENCES contribution_assignment (id) ON DELETE CASCADE,
    process_id     VARCHAR(64)   NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    task_id        VARCHAR(64)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    points         INTEGER       NOT NULL,
    claimant       VARCHAR(200)  NOT NULL,
    description    VARCHAR(2000) NOT NULL,
    asset_id       VARCHAR(64),
    status         VARCHAR(20)   NOT NULL,
    decided_by     VARCHAR(200),
    reason         VARCHAR(2000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contribution_claim_process ON contribution_claim (process_id, status, created_at);
CREATE INDEX contribution_claim_claimant ON contribution_claim (claimant, process_id);

-- Per process settings; a process without a row has the leaderboard off.
CREATE TABLE contribution_settings (
    process_id   VARCHAR(64)  PRIMARY KEY REFERENCES coproduction_process (id) ON DELETE CASCADE,
    leaderboard  BOOLEAN      NOT NULL,
    updated_by   VARCHAR(200) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
