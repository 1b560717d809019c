CREATE TABLE IF NOT EXISTS account (
    username      VARCHAR(32)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
