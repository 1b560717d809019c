package bench.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** P1: Gatehouse's pages as a Spring Boot + Spring Security developer would write them. */
@SpringBootApplication
public class SpringBootPeer {

    public static void main(String[] args) {
        SpringApplication.run(SpringBootPeer.class, args);
    }
}
