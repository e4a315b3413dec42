-- Stories (bundles/stories): a finished process published as a frozen public copy with a story, the platform's
-- repository of good practice. Portable between H2 and PostgreSQL (${text} is the large text type).

-- A frozen process is a read-only public record: everyone may read it, nobody may change it.
ALTER TABLE coproduction_process ADD COLUMN frozen BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE story (
    id                VARCHAR(64)    PRIMARY KEY,
    -- the frozen copy; deleting it deletes the story
    process_id        VARCHAR(64)    NOT NULL UNIQUE REFERENCES coproduction_process (id) ON DELETE CASCADE,
    -- the process it was published from; it may be deleted since
    source_process_id VARCHAR(64)    NOT NULL,
    title             VARCHAR(200)   NOT NULL,
    summary           ${text}        NOT NULL,
    language          VARCHAR(8)     NOT NULL,
    published_by      VARCHAR(200)   NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX story_published ON story (published_at);
CREATE INDEX story_source ON story (source_process_id);

CREATE TABLE story_keyword (
    story_id VARCHAR(64)  NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    keyword  VARCHAR(50)  NOT NULL,
    PRIMARY KEY (story_id, keyword)
);
CREATE INDEX story_keyword_word ON story_keyword (keyword);

CREATE TABLE story_owner (
    story_id  VARCHAR(64)  NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    user_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (story_id, user_name)
);
CREATE INDEX story_owner_user ON story_owner (user_name);

CREATE TABLE story_material (
    story_id VARCHAR(64)   NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    position INTEGER       NOT NULL,
    title    VARCHAR(200)  NOT NULL,
    url      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (story_id, position)
);

CREATE TABLE story_rating (
    story_id  VARCHAR(64)   NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    user_name VARCHAR(200)  NOT NULL,
    stars     INTEGER       NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment   VARCHAR(2000) NOT NULL,
    rated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (story_id, user_name)
);
CREATE INDEX story_rating_user ON story_rating (user_name);
