-- Organisations and teams (bundles/teams). Portable between H2 and PostgreSQL (${text} is the large text type).
-- Account names are kept as process_administrator.user_name is (VARCHAR(200)); erasure pseudonymises them.

-- An organisation's name and description are JSON objects of texts per language ({"en": …, "es": …}).
CREATE TABLE organisation (
    id                VARCHAR(64)  PRIMARY KEY,
    name              ${text}      NOT NULL,
    description       ${text}      NOT NULL,
    is_public         BOOLEAN      NOT NULL,
    default_team_type VARCHAR(40)  NOT NULL,
    team_creation     VARCHAR(20)  NOT NULL,
    created_by        VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX organisation_created ON organisation (created_at, id);

CREATE TABLE organisation_administrator (
    organisation_id VARCHAR(64)  NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    user_name       VARCHAR(200) NOT NULL,
    added_by        VARCHAR(200) NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organisation_id, user_name)
);
CREATE INDEX organisation_administrator_user ON organisation_administrator (user_name);

-- A team, in an organisation or on its own. Deleting the organisation deletes its teams (and what references them).
CREATE TABLE team (
    id              VARCHAR(64)    PRIMARY KEY,
    organisation_id VARCHAR(64)    REFERENCES organisation (id) ON DELETE CASCADE,
    name            VARCHAR(200)   NOT NULL,
    description     VARCHAR(10000) NOT NULL,
    team_type       VARCHAR(40)    NOT NULL,
    created_by      VARCHAR(200)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX team_organisation ON team (organisation_id, created_at);
CREATE INDEX team_created ON team (created_at, id);

-- Members of a team; its administrators are members with is_administrator.
CREATE TABLE team_member (
    team_id          VARCHAR(64)  NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_name        VARCHAR(200) NOT NULL,
    is_administrator BOOLEAN      NOT NULL,
    added_by         VARCHAR(200) NOT NULL,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, user_name)
);
-- TeamService.teamIdsOf: the teams of one account, on every permission check.
CREATE INDEX team_member_user ON team_member (user_name, team_id);

-- An account's request to join a team, decided by one of its administrators.
CREATE TABLE team_application (
    id          VARCHAR(64)   PRIMARY KEY,
    team_id     VARCHAR(64)   NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    applicant   VARCHAR(200)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    decided_by  VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX team_application_team ON team_application (team_id, status, created_at);
CREATE INDEX team_application_applicant ON team_application (applicant, created_at);
