-- Recording an event forgets its account's events older than 90 days beyond the latest 50. It finds them by time,
-- so that it reads only the old ones: by (account_id, id), every event the account had kept was read, and an account
-- signing in all day made each of its sign-ins slower than the last.
CREATE INDEX account_event_account_time ON account_event (account_id, occurred_at);
