package bench.springboot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA512;

/** Form login at /login, /profile for signed-in people only, sign-out at /logout; everything else is public. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/profile").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/profile"))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .build();
    }

    /**
     * --bench.password.encoder picks one of three:
     * <ul>
     * <li>{@code pbkdf2} (unset): Gatehouse's PBKDF2 of old, HMAC-SHA512, 32-byte salt, 64-byte hash, 220,000
     * iterations unless the benchmark asks for its cheap hash with --bench.pbkdf2.iterations=1024;</li>
     * <li>{@code default}: what a Spring Boot application gets unless it chooses, the delegating encoder (bcrypt,
     * cost 10);</li>
     * <li>{@code argon2}: Spring's Argon2PasswordEncoder at Gatehouse's settings (16-byte salt, 32-byte hash, p=1,
     * 19 MiB, t=2), computed by the same Bouncy Castle.</li>
     * </ul>
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${bench.password.encoder:pbkdf2}") String kind,
                                    @Value("${bench.pbkdf2.iterations:220000}") int iterations) {
        return switch (kind) {
            case "default" -> PasswordEncoderFactories.createDelegatingPasswordEncoder();
            case "argon2" -> new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
            case "pbkdf2" -> {
                Pbkdf2PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 32, iterations, PBKDF2WithHmacSHA512);
                encoder.setEncodeHashAsBase64(true);
                yield encoder;
            }
            default -> throw new IllegalArgumentException("bench.password.encoder: pbkdf2, default or argon2, not " + kind);
        };
    }
}
