-- The sign-in throttle's counts, shared by every node over this database (docs/decisions/022). One row per key:
-- 'account:' and the lower-case name, or 'address:' and the client's address. failures is the count since it last
-- started from one; last_failed_at is the database's own clock at the latest failure, so nodes whose clocks differ
-- still agree. A row an hour past its last failure counts for nothing, and is swept.
CREATE TABLE sign_in_failure (
    throttle_key   VARCHAR(128) NOT NULL PRIMARY KEY,
    failures       INT          NOT NULL,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_failure_last ON sign_in_failure (last_failed_at);
