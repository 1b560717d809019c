package bench.springboot;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Home, sign-in, sign-up and profile: Gatehouse's pages, one Thymeleaf template each. */
@Controller
class Pages {

    private static final DateTimeFormatter CREATED = DateTimeFormatter
            .ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;

    Pages(Accounts accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/")
    String home(Principal user, Model model) {
        model.addAttribute("user", user == null ? null : user.getName());
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/profile")
    String profile(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("created", accounts.created(user.getName()).map(CREATED::format).orElse("unknown"));
        return "profile";
    }

    @GetMapping("/register")
    String register() {
        return "register";
    }

    /** Gatehouse's rules, shortened: 3 to 32 name characters, 12 to 128 password characters, typed twice. */
    @PostMapping("/register")
    String register(@RequestParam String username, @RequestParam String password,
                    @RequestParam String confirmation, Model model) {
        String problem = problemWith(username, password, confirmation);
        if (problem == null && !accounts.create(username, passwordEncoder.encode(password))) {
            problem = "That username is taken. Choose another.";
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "register";
        }
        return "redirect:/login";
    }

    private static String problemWith(String username, String password, String confirmation) {
        if (!username.matches("[A-Za-z0-9._-]{3,32}")) {
            return "Choose 3 to 32 letters, digits, dots, underscores or hyphens.";
        }
        if (password.length() < 12 || password.length() > 128) {
            return "Choose 12 to 128 characters.";
        }
        return password.equals(confirmation) ? null : "The passwords do not match.";
    }
}
