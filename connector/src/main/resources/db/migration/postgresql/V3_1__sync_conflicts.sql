-- Fields that both sides changed to different values since they last agreed, and how each was resolved: the Spotler
-- field of a Dataverse row, the value both last agreed on (base) and each side's value, all as JSON text in Spotler's
-- representation; the side whose value was kept (dynamics or spotler) and the rule that chose it. The id grows in the
-- order conflicts were recorded. The SQLite script of the same version differs only in how the id is generated.
CREATE TABLE sync_conflicts (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    connection_id  TEXT   NOT NULL,
    table_name     TEXT   NOT NULL,
    record_id      TEXT   NOT NULL,
    field          TEXT   NOT NULL,
    base_value     TEXT   NOT NULL,
    dynamics_value TEXT   NOT NULL,
    spotler_value  TEXT   NOT NULL,
    winner         TEXT   NOT NULL,
    rule           TEXT   NOT NULL,
    detected_at    BIGINT NOT NULL,
    PRIMARY KEY (connection_id, id)
);
