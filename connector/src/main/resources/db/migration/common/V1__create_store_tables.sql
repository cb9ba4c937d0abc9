-- The connector's local state. Every table has the connection id first in its primary key, so one store serves
-- several Dataverse/Spotler pairs and each pair's rows stay apart.
-- Times are UTC epoch milliseconds in BIGINT columns: they compare and sort the same way on SQLite and PostgreSQL.

-- Record changes waiting to be sent to Spotler, one row per record: a later change of the same record updates the row.
-- state: PENDING (due_at = when it may be sent), IN_FLIGHT (due_at = lease expiry; claim_token names the claim),
-- PARKED (needs a human; last_error says why). version grows with every newer change, so completing a claim can tell
-- whether the record changed again while it was being sent.
CREATE TABLE outbound_queue (
    connection_id TEXT    NOT NULL,
    table_name    TEXT    NOT NULL,
    record_id     TEXT    NOT NULL,
    change_kind   TEXT    NOT NULL,
    changed_at    BIGINT  NOT NULL,
    version       BIGINT  NOT NULL,
    state         TEXT    NOT NULL,
    due_at        BIGINT  NOT NULL,
    attempts      INTEGER NOT NULL,
    claim_token   TEXT,
    last_error    TEXT,
    PRIMARY KEY (connection_id, table_name, record_id)
);

CREATE INDEX outbound_queue_due ON outbound_queue (connection_id, due_at) WHERE state <> 'PARKED';

-- A Dataverse row and the Spotler contact it is synced with (externalId), one to one within a connection.
CREATE TABLE record_links (
    connection_id TEXT   NOT NULL,
    table_name    TEXT   NOT NULL,
    record_id     TEXT   NOT NULL,
    external_id   TEXT   NOT NULL,
    linked_at     BIGINT NOT NULL,
    last_status   TEXT,
    PRIMARY KEY (connection_id, table_name, record_id)
);

CREATE UNIQUE INDEX record_links_external_id ON record_links (connection_id, external_id);

-- The mapped Spotler field values last synced for a record (a JSON object) and their hash: an unchanged record is not
-- sent again, and an inbound change is merged against these values.
CREATE TABLE synced_values (
    connection_id TEXT   NOT NULL,
    table_name    TEXT   NOT NULL,
    record_id     TEXT   NOT NULL,
    field_values  TEXT   NOT NULL,
    values_hash   TEXT   NOT NULL,
    synced_at     BIGINT NOT NULL,
    PRIMARY KEY (connection_id, table_name, record_id)
);

-- Where change tracking of a Dataverse table continues: the delta link once the initial load finished, or the point
-- to resume a crashed initial load from.
CREATE TABLE delta_links (
    connection_id     TEXT    NOT NULL,
    table_name        TEXT    NOT NULL,
    delta_link        TEXT,
    resume_point      TEXT,
    initial_load_done BOOLEAN NOT NULL,
    saved_at          BIGINT  NOT NULL,
    PRIMARY KEY (connection_id, table_name)
);
