package bench.springboot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
     * Gatehouse's PBKDF2 parameters: HMAC-SHA512, 32-byte salt, 64-byte hash, 220,000 iterations unless the
     * benchmark asks for its cheap hash with --bench.pbkdf2.iterations=1024.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${bench.pbkdf2.iterations:220000}") int iterations) {
        Pbkdf2PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 32, iterations, PBKDF2WithHmacSHA512);
        encoder.setEncodeHashAsBase64(true);
        return encoder;
    }
}
