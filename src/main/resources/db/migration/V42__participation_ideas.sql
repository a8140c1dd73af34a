-- Ideas and wishes that neighbours propose for their lab, the supports they gather and the lab's public answer.
-- Nothing here is public before a coordinator published it (state PUBLISHED).
CREATE TABLE idea (
    id                       BIGSERIAL    PRIMARY KEY,
    lab_id                   BIGINT       NOT NULL,
    kind                     VARCHAR(12)  NOT NULL CHECK (kind IN ('COURSE', 'PROJECT', 'EQUIPMENT', 'OTHER')),
    title                    VARCHAR(120) NOT NULL,
    text                     VARCHAR(2000) NOT NULL,
    -- The language the idea is written in: a UI language or 'ls' for Leichte Sprache (easy German).
    language                 VARCHAR(5)   NOT NULL,
    -- The language of the proposer's pages and mails.
    ui_language              VARCHAR(5)   NOT NULL,
    state                    VARCHAR(12)  NOT NULL DEFAULT 'PENDING'
                             CHECK (state IN ('PENDING', 'QUESTION', 'PUBLISHED', 'REJECTED', 'MERGED', 'WITHDRAWN')),
    answer_state             VARCHAR(14)  CHECK (answer_state IN ('UNDER_REVIEW', 'PLANNED', 'DONE', 'NOT_POSSIBLE')),
    answer_text              VARCHAR(2000),
    linked_course_id         BIGINT,
    -- What the coordinator told the proposer: a question or the reason for a rejection.
    moderator_message        VARCHAR(1000),
    merged_into              BIGINT       REFERENCES idea (id),
    links_allowed            BOOLEAN      NOT NULL DEFAULT false,
    reports                  INTEGER      NOT NULL DEFAULT 0,
    nickname                 VARCHAR(60),
    email                    VARCHAR(120),
    manage_token_hash        CHAR(64)     NOT NULL UNIQUE,
    licence                  VARCHAR(12)  NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at             TIMESTAMPTZ,
    first_answered_at        TIMESTAMPTZ,
    -- The last decision about the idea (published, answered, rejected, merged, withdrawn): the retention clock starts here.
    last_decision_at         TIMESTAMPTZ,
    personal_data_deleted_at TIMESTAMPTZ
);
CREATE INDEX idea_lab_state_idx ON idea (lab_id, state);

-- Translations that coordinators add; the original stays the idea's own text.
CREATE TABLE idea_translation (
    idea_id  BIGINT       NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    language VARCHAR(5)   NOT NULL,
    title    VARCHAR(120) NOT NULL,
    text     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (idea_id, language)
);

-- One support per browser per idea, by construction: the unique key, not a check in code. The browser is known only
-- by the SHA-256 of a random cookie value; supports given in person at the lab have no browser.
CREATE TABLE idea_support (
    id           BIGSERIAL   PRIMARY KEY,
    idea_id      BIGINT      NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    browser_hash CHAR(64),
    in_person    BOOLEAN     NOT NULL DEFAULT false,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (in_person = (browser_hash IS NULL)),
    UNIQUE (idea_id, browser_hash)
);
CREATE INDEX idea_support_idea_idx ON idea_support (idea_id);

-- Confirmed supporters: only the SHA-256 of the address (one confirmed support per address and idea) and of the
-- confirmation link's token until it is used.
CREATE TABLE idea_confirmed_support (
    id           BIGSERIAL   PRIMARY KEY,
    idea_id      BIGINT      NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    email_hash   CHAR(64)    NOT NULL,
    token_hash   CHAR(64)    UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at TIMESTAMPTZ,
    UNIQUE (idea_id, email_hash)
);

-- People who follow an idea for updates by e-mail; the address goes with the retention period.
CREATE TABLE idea_follower (
    id          BIGSERIAL    PRIMARY KEY,
    idea_id     BIGINT       NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    email       VARCHAR(120),
    ui_language VARCHAR(5)   NOT NULL,
    -- Unsubscribe link; the first use of the mailed link also confirms the address (double opt-in).
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    confirmed_at TIMESTAMPTZ,
    UNIQUE (idea_id, email)
);

-- What happened to an idea and who did it (a role or 'citizen', never a person's name).
CREATE TABLE idea_log (
    id      BIGSERIAL   PRIMARY KEY,
    idea_id BIGINT      NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
    action  VARCHAR(32) NOT NULL,
    actor   VARCHAR(60) NOT NULL,
    at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idea_log_idea_idx ON idea_log (idea_id);
