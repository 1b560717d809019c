package io.gatehouse.account;

import java.sql.SQLException;

/** The database failed; the request cannot be served, and nothing was half-written. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
