-- Anonymous equipment and door figures for the impact dashboard, written by impact's listeners from the equipment
-- module's events: a kind, a key from a fixed list (machine type, device type, door reason), an amount. No person.
CREATE TABLE impact_equipment_figure (
    id        BIGSERIAL   PRIMARY KEY,
    event_id  UUID        NOT NULL UNIQUE,
    day       DATE        NOT NULL,
    hour      SMALLINT,
    lab_id    BIGINT      NOT NULL,
    kind      VARCHAR(16) NOT NULL CHECK (kind IN ('MACHINE_MINUTES', 'INDUCTION', 'RESERVATION', 'NO_SHOW', 'LOAN',
                  'OVERDUE', 'DOOR_VISIT')),
    key       VARCHAR(24) NOT NULL,
    amount    INTEGER     NOT NULL DEFAULT 1
);
CREATE INDEX impact_equipment_figure_lab_day_idx ON impact_equipment_figure (lab_id, day);
