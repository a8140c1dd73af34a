-- Labs: where they are, when they are open, how accessible they are, which languages are spoken there.
CREATE TABLE lab (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug          VARCHAR(60)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          VARCHAR(120) NOT NULL,
    street        VARCHAR(120) NOT NULL,
    postal_code   VARCHAR(10)  NOT NULL,
    city          VARCHAR(60)  NOT NULL DEFAULT 'Bremen',
    stadtbezirk   VARCHAR(20)  NOT NULL CHECK (stadtbezirk IN ('Mitte', 'Süd', 'Ost', 'West', 'Nord')),
    stadtteil     VARCHAR(60)  NOT NULL,
    phone         VARCHAR(40),
    email         VARCHAR(120),
    demo          BOOLEAN      NOT NULL DEFAULT FALSE,
    version       BIGINT       NOT NULL DEFAULT 0
);

-- Texts that coordinators write, per language; German ('de') is the fallback and must exist.
CREATE TABLE lab_text (
    lab_id      BIGINT      NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    language    VARCHAR(10) NOT NULL,
    description VARCHAR(2000) NOT NULL DEFAULT '',
    directions  VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (lab_id, language)
);

CREATE TABLE lab_language (
    lab_id   BIGINT      NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    language VARCHAR(10) NOT NULL,
    PRIMARY KEY (lab_id, language)
);

CREATE TABLE lab_accessibility (
    lab_id  BIGINT      NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    feature VARCHAR(40) NOT NULL,
    PRIMARY KEY (lab_id, feature)
);

CREATE TABLE lab_offer (
    lab_id BIGINT      NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    offer  VARCHAR(40) NOT NULL,
    PRIMARY KEY (lab_id, offer)
);

-- Regular weekly hours; a day may have several periods (e.g. a lunch break). day_of_week: 1 = Monday.
CREATE TABLE lab_opening_hours (
    lab_id      BIGINT   NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    day_of_week SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       TIME     NOT NULL,
    closes      TIME     NOT NULL,
    CHECK (opens < closes),
    PRIMARY KEY (lab_id, day_of_week, opens)
);

-- A date that differs from the weekly hours: closed all day, or open at other times.
CREATE TABLE lab_exception (
    lab_id  BIGINT      NOT NULL REFERENCES lab (id) ON DELETE CASCADE,
    day     DATE        NOT NULL,
    closed  BOOLEAN     NOT NULL,
    opens   TIME,
    closes  TIME,
    reason  VARCHAR(30) NOT NULL,
    CHECK (closed OR (opens IS NOT NULL AND closes IS NOT NULL AND opens < closes)),
    PRIMARY KEY (lab_id, day)
);
