package bench.springboot;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The accounts table (schema.sql) behind sign-in, sign-up and the profile page. */
@Service
class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash FROM account WHERE username = ?")
                .param(username)
                .query((row, n) -> User.withUsername(row.getString(1)).password(row.getString(2)).roles("USER").build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<OffsetDateTime> created(String username) {
        return jdbc.sql("SELECT created_at FROM account WHERE username = ?")
                .param(username)
                .query(OffsetDateTime.class)
                .optional();
    }

    /** False when the name is taken. */
    boolean create(String username, String passwordHash) {
        try {
            jdbc.sql("INSERT INTO account (username, password_hash, created_at) VALUES (?, ?, ?)")
                    .params(username, passwordHash, OffsetDateTime.now())
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }
}
