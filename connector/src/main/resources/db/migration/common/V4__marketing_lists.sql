-- Marketing lists synced to Spotler audiences. Each synced list has one audience whose externalId is the list id.

-- The lists being synced and the name their audience was last given: a renamed list renames its audience. A list
-- whose row is gone here is not synced (any more).
CREATE TABLE list_audiences (
    connection_id TEXT   NOT NULL,
    list_id       TEXT   NOT NULL,
    audience_name TEXT   NOT NULL,
    synced_at     BIGINT NOT NULL,
    PRIMARY KEY (connection_id, list_id)
);

-- A list's membership as last synced, one row per member (the member's row id, which is its Spotler externalId):
-- in_audience true once Spotler accepted the call that added it; false for a member that could not be synced to
-- Spotler, which is added once its record reaches Spotler. A row changes only after Spotler accepted the call, so
-- after a failure the next sync sends the same difference again.
CREATE TABLE list_members (
    connection_id TEXT    NOT NULL,
    list_id       TEXT    NOT NULL,
    member_id     TEXT    NOT NULL,
    in_audience   BOOLEAN NOT NULL,
    PRIMARY KEY (connection_id, list_id, member_id)
);
