-- Two-way sync: where Spotler's changes feeds were read up to, and new subscribers left for a person to resolve.
-- sync_conflicts follows in V3.1, one script per database, as its generated id is written differently on each.

-- The end of the last window read from a Spotler changes feed (feed: e.g. contact-updates). The next window starts a
-- little before it, so a change is read at least once; window_end only moves forward.
CREATE TABLE inbound_cursor (
    connection_id TEXT   NOT NULL,
    feed          TEXT   NOT NULL,
    window_end    BIGINT NOT NULL,
    PRIMARY KEY (connection_id, feed)
);

-- A Spotler contact without a Dataverse link that matched several rows (e.g. two contacts with its e-mail address):
-- nothing was written, a person decides. One row per Spotler contact (encrypted_id, Mail+'s own id; external_id is
-- absent for a contact created by a form). masked_email only helps a person recognise the contact. candidate_ids is a
-- JSON array of the matching rows' ids in table_name.
CREATE TABLE pending_reviews (
    connection_id TEXT   NOT NULL,
    encrypted_id  TEXT   NOT NULL,
    external_id   TEXT,
    masked_email  TEXT,
    table_name    TEXT   NOT NULL,
    candidate_ids TEXT   NOT NULL,
    reason        TEXT   NOT NULL,
    detected_at   BIGINT NOT NULL,
    PRIMARY KEY (connection_id, encrypted_id)
);
