-- A machine's name, description and photo alt text per UI language (German is the source; a missing language falls
-- back to German, then to machine.name), and one photo per machine uploaded by a coordinator (type and size checked;
-- the hash is the photo's cache key). Nothing here is about a person.
CREATE TABLE machine_text (
    machine_id   BIGINT        NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    language     VARCHAR(5)    NOT NULL,
    name         VARCHAR(120)  NOT NULL,
    description  VARCHAR(600),
    photo_alt    VARCHAR(200),
    PRIMARY KEY (machine_id, language)
);

CREATE TABLE machine_photo (
    machine_id    BIGINT       PRIMARY KEY REFERENCES machine (id) ON DELETE CASCADE,
    content_type  VARCHAR(20)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    data          BYTEA        NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
