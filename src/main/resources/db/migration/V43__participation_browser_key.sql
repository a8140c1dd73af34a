-- The key that signs the support cookie ("this browser"), shared by all app instances; made by the app on first use.
CREATE TABLE participation_key (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret VARCHAR(64) NOT NULL
);
