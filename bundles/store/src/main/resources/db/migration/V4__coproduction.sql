-- Co-production: schemas (process templates), processes, their phase -> objective -> task tree, and what the
-- asset table needs for task assets. Portable between H2 and PostgreSQL (${text} is the large text type).

-- A schema is read and written whole (it is a template, never queried inside), so it is kept as one JSON
-- document: translated texts, phases, objectives, tasks, prerequisites and problem profiles.
CREATE TABLE coproduction_schema (
    id         VARCHAR(64) PRIMARY KEY,
    body       ${text}     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A co-production process. Its texts are in its own language (plain columns, searchable with LIKE); status,
-- progress and dates are rolled up from its enabled phases whenever the tree changes.
CREATE TABLE coproduction_process (
    id                       VARCHAR(64)    PRIMARY KEY,
    name                     VARCHAR(200)   NOT NULL,
    description              VARCHAR(10000) NOT NULL,
    aim                      VARCHAR(10000) NOT NULL,
    idea                     VARCHAR(10000) NOT NULL,
    organization_description VARCHAR(10000) NOT NULL,
    challenges               VARCHAR(10000) NOT NULL,
    requirements             VARCHAR(10000) NOT NULL,
    language                 VARCHAR(8)     NOT NULL,
    logotype                 VARCHAR(2000),
    tags                     VARCHAR(4000)  NOT NULL,
    is_public                BOOLEAN        NOT NULL,
    status                   VARCHAR(20)    NOT NULL,
    progress                 DOUBLE PRECISION NOT NULL,
    start_date               DATE,
    end_date                 DATE,
    created_by               VARCHAR(200)   NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coproduction_process_created ON coproduction_process (created_at, id);

CREATE TABLE process_administrator (
    process_id VARCHAR(64)  NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    user_name  VARCHAR(200) NOT NULL,
    added_by   VARCHAR(200) NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (process_id, user_name)
);

-- Phases, objectives and tasks of every process. Texts are JSON objects per language; status, progress and
-- dates of phases and objectives are the roll-up of their enabled children, stored so lists can filter on them.
CREATE TABLE tree_item (
    id               VARCHAR(64)  PRIMARY KEY,
    process_id       VARCHAR(64)  NOT NULL REFERENCES coproduction_process (id) ON DELETE CASCADE,
    parent_id        VARCHAR(64)  REFERENCES tree_item (id) ON DELETE CASCADE,
    item_type        VARCHAR(10)  NOT NULL,
    position         INTEGER      NOT NULL,
    name             ${text}      NOT NULL,
    description      ${text}      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    progress         DOUBLE PRECISION NOT NULL,
    start_date       DATE,
    end_date         DATE,
    problem_profiles VARCHAR(4000) NOT NULL,
    schema_id        VARCHAR(64),
    schema_item_id   VARCHAR(200),
    disabled_at      TIMESTAMP WITH TIME ZONE,
    disabled_by      VARCHAR(200),
    created_by       VARCHAR(200) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tree_item_process ON tree_item (process_id, parent_id, position);

-- item_id may not start (or finish) before prerequisite_id is finished.
CREATE TABLE tree_item_prerequisite (
    item_id         VARCHAR(64) NOT NULL REFERENCES tree_item (id) ON DELETE CASCADE,
    prerequisite_id VARCHAR(64) NOT NULL REFERENCES tree_item (id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, prerequisite_id)
);
CREATE INDEX tree_item_prerequisite_of ON tree_item_prerequisite (prerequisite_id);

-- Task assets of three kinds: internal (made by a software Interlinker, as before), knowledge (a copy of a
-- knowledge Interlinker's resource, held by the kernel) and external (a link). External ones may have no
-- Interlinker.
ALTER TABLE asset ALTER COLUMN interlinker_id DROP NOT NULL;
ALTER TABLE asset ADD COLUMN kind VARCHAR(20) DEFAULT 'internal' NOT NULL;
ALTER TABLE asset ADD COLUMN uri VARCHAR(2000);
ALTER TABLE asset ADD COLUMN language VARCHAR(8);
CREATE INDEX asset_task ON asset (task_id, created_at);
CREATE INDEX asset_process ON asset (process_id);
