import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's user load, for what wrk cannot do: sessions and forms. One virtual user is one thread with its
 * own HttpClient and cookie jar, as a browser would be. bench/run compiles it with the other tools; alone, run it as
 *
 * <pre>
 * java Load.java FLAVOUR BASE_URL signup   USERS
 * java Load.java FLAVOUR BASE_URL sessions USERS COUNT
 * java Load.java FLAVOUR BASE_URL warm     USERS SECONDS
 * java Load.java FLAVOUR BASE_URL cookie   USER
 * java Load.java FLAVOUR BASE_URL cycles   USERS COUNT
 * java Load.java FLAVOUR BASE_URL profiles USERS COUNT COOKIE_FILE
 * java Load.java rounds USERS WARMUP_SECONDS SECONDS ROUNDS [HASH_ITERATIONS HASH_SAMPLES] NAME=FLAVOUR[:PID]@BASE_URL...
 * </pre>
 *
 * FLAVOUR is gatehouse or spring: the two sign-in flows. Results are printed as key=value lines, except for
 * {@code cookie}, which signs USER in and prints the one line "Cookie: ..." that carries that session.
 * {@code rounds} measures the sign-in cycles of several targets in turn from this one JVM (see {@link #rounds}).
 * Every loop is bounded by its count or its seconds, and every request by a 30 s timeout.
 */
public final class Load {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** An upper bound on cycles per virtual user, whatever the duration. */
    static final int MAX_CYCLES_PER_USER = 1_000_000;
    /** At most this many warm-up passes over the targets, however busy this JVM's compilers still are. */
    static final int MAX_WARMUP_PASSES = 8;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: Load FLAVOUR BASE_URL signup|sessions|warm USERS ... or Load rounds ...");
        }
        if (args[0].equals("rounds")) {
            rounds(args);
            return;
        }
        Flow flow = flow(args[0]);
        URI base = URI.create(args[1]);
        if (args[2].equals("cookie")) {
            printCookie(flow, base, Integer.parseInt(args[3]));
            return;
        }
        int users = Integer.parseInt(args[3]);
        switch (args[2]) {
            case "signup" -> signUp(flow, base, users);
            case "sessions" -> sessions(flow, base, users, Integer.parseInt(args[4]));
            case "warm" -> warm(flow, base, users, Integer.parseInt(args[4]));
            case "cycles" -> countedCycles(flow, base, users, Integer.parseInt(args[4]));
            case "profiles" -> profiles(base, users, Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[2]);
        }
    }

    static Flow flow(String flavour) {
        return switch (flavour) {
            case "gatehouse" -> new GatehouseFlow();
            case "spring" -> new SpringFlow();
            default -> throw new IllegalArgumentException("unknown flavour " + flavour);
        };
    }

    static String username(int user) {
        return "bench-user-" + user;
    }

    static String password(int user) {
        return "bench-password-" + user + "-long-enough";
    }

    /** One account per virtual user, made through the target's own sign-up page. */
    static void signUp(Flow flow, URI base, int users) throws Exception {
        for (int user = 0; user < users; user++) {
            flow.signUp(new Browser(base), username(user), password(user));
        }
        System.out.println("signed_up=" + users);
    }

    /** One user signed in, and the Cookie header that carries the session, for wrk (bench/tools/signed-in.lua). */
    static void printCookie(Flow flow, URI base, int user) throws Exception {
        Browser browser = new Browser(base);
        flow.signIn(browser, username(user), password(user));
        System.out.println("Cookie: " + browser.cookieHeader());
    }

    /**
     * A server whose sign-in cycles are measured: a name for its figures, its flow and its address; and its process
     * id, if its collector's time is to be read in each round (0: not read).
     */
    record Target(String name, Flow flow, URI base, long pid) {

        /** NAME=FLAVOUR@BASE_URL or NAME=FLAVOUR:PID@BASE_URL */
        static Target parse(String spec) {
            int equals = spec.indexOf('=');
            int at = spec.indexOf('@');
            String[] flavour = spec.substring(equals + 1, at).split(":", 2);
            return new Target(spec.substring(0, equals), Load.flow(flavour[0]), URI.create(spec.substring(at + 1)),
                    flavour.length == 2 ? Long.parseLong(flavour[1]) : 0);
        }
    }

    /**
     * Sign in, see the profile, sign out, again and again, for each target in turn. First the warm-up, unrecorded
     * (see {@link #warmUp}); then ROUNDS rounds measure each target for SECONDS, in the opposite order every other
     * round (A B, B A, A B...). One JVM drives all rounds, so that its own compilers warm up once, in the warm-up,
     * and not again in every measured round (docs/decisions/bench-user-cycle.md). With HASH_SPEC, each
     * round first measures what the hash alone allows ({@link Hash}, SAMPLES hashes each way), while no cycle
     * runs. Prints NAME.KEY.ROUND=VALUE lines, hash_ms.ROUND and hash_rate.ROUND lines, and load_KEY=VALUE lines
     * about the warm-up.
     */
    static void rounds(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: Load rounds USERS WARMUP_SECONDS SECONDS ROUNDS "
                    + "[HASH_SPEC HASH_SAMPLES] NAME=FLAVOUR[:PID]@BASE_URL...");
        }
        int users = Integer.parseInt(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        boolean timeHash = !args[5].contains("=");
        String hashSpec = timeHash ? args[5] : null;
        int hashSamples = timeHash ? Integer.parseInt(args[6]) : 0;
        List<Target> targets = new ArrayList<>();
        for (int n = timeHash ? 7 : 5; n < args.length; n++) {
            targets.add(Target.parse(args[n]));
        }
        warmUp(targets, users, warmupSeconds);
        for (int round = 1; round <= rounds; round++) {
            if (timeHash) {
                System.out.printf("hash_ms.%d=%.1f%n", round, Hash.medianMillis(hashSpec, hashSamples));
                System.out.printf("hash_rate.%d=%.2f%n", round, Hash.everyCorePerSecond(hashSpec, hashSamples));
            }
            List<Target> order = new ArrayList<>(targets);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Target target : order) {
                measure(target, users, seconds, round);
            }
        }
    }

    /**
     * Passes over the targets, WARMUP seconds of cycles on each, until a pass in which this JVM's compilers used
     * less than 5 % of one core, or MAX_WARMUP_PASSES passes. The servers' compilers have settled by then, but this
     * JVM is new: in session 9 it still used 2.9 ms of CPU per cycle in the first round after 60 s on each server,
     * and 1.2 ms in the last. A pass on every target, not one target until it settles: code shared by both flows
     * is compiled again once the second flow runs through it.
     */
    static void warmUp(List<Target> targets, int users, int seconds) throws Exception {
        long started = System.nanoTime();
        long compiledAtStart = compileMillis();
        int passes = 0;
        boolean settled = seconds == 0;
        while (!settled && passes < MAX_WARMUP_PASSES) {
            long passStarted = System.nanoTime();
            long compiled = compileMillis();
            for (Target target : targets) {
                runCycles(target, users, seconds, new Steps());
            }
            passes++;
            settled = compileMillis() - compiled < 0.05 * (System.nanoTime() - passStarted) / 1e6;
        }
        System.out.printf("load_warmup_seconds=%.0f%n", (System.nanoTime() - started) / 1e9);
        System.out.println("load_warmup_passes=" + passes);
        System.out.printf("load_jit_seconds_warmup=%.1f%n", (compileMillis() - compiledAtStart) / 1e3);
    }

    /** The time this JVM's compilers have spent, as jstat -compiler reads it for a server. */
    static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    static void measure(Target target, int users, int seconds, int round) throws Exception {
        Steps steps = new Steps();
        double gcBefore = target.pid() == 0 ? 0 : GcTime.seconds(target.pid());
        long cpuBefore = processCpuNanos();
        long compiledBefore = compileMillis();
        long started = System.nanoTime();
        runCycles(target, users, seconds, steps);
        double elapsed = (System.nanoTime() - started) / 1e9;
        String figure = target.name() + ".%s." + round + "=";
        System.out.println(figure.formatted("cycles") + "%.2f".formatted(steps.cycles() / elapsed));
        System.out.println(figure.formatted("cycle_count") + steps.cycles());
        // On the same cores as the servers: what a cycle costs here is CPU that no server gets.
        System.out.println(figure.formatted("load_cpu_ms")
                + "%.2f".formatted((processCpuNanos() - cpuBefore) / 1e6 / steps.cycles()));
        System.out.println(figure.formatted("load_jit_ms") + (compileMillis() - compiledBefore));
        System.out.println(figure.formatted("sign_out_p50_ms") + "%.2f".formatted(steps.percentile("sign_out", 50)));
        System.out.println(figure.formatted("sign_out_p99_ms") + "%.2f".formatted(steps.percentile("sign_out", 99)));
        if (target.pid() != 0) {
            double gcMillis = (GcTime.seconds(target.pid()) - gcBefore) * 1000;
            System.out.println(figure.formatted("gc_ms_per_s") + "%.2f".formatted(gcMillis / elapsed));
            System.out.println(figure.formatted("gc_ms_per_cycle")
                    + "%.3f".formatted(steps.cycles() == 0 ? Double.NaN : gcMillis / steps.cycles()));
        }
    }

    /**
     * The time a server's collector has stopped it so far, as jstat -gc reads it (GCT: young, full and concurrent
     * cycles' pauses, in seconds). Read before and after its round, outside the timed part; jstat is a JVM of its
     * own, so it is read only where bench/run asks for it (the real-hash rounds).
     */
    static final class GcTime {

        static double seconds(long pid) throws IOException, InterruptedException {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0 || lines.size() < 2) {
                throw new IllegalStateException("jstat -gc " + pid + " answered " + lines);
            }
            List<String> columns = List.of(lines.get(0).split("\\s+"));
            String[] values = lines.get(1).split("\\s+");
            int gct = columns.indexOf("GCT");
            if (gct < 0 || gct >= values.length) {
                throw new IllegalStateException("no GCT in jstat -gc " + pid + ": " + lines);
            }
            return Double.parseDouble(values[gct]);
        }

        private GcTime() {
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void runCycles(Target target, int users, int seconds, Steps steps) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        inParallel(users, user -> {
            Browser browser = new Browser(target.base());
            for (int n = 0; n < MAX_CYCLES_PER_USER && System.nanoTime() < deadline; n++) {
                target.flow().cycle(browser, username(user), password(user), steps);
            }
        });
    }

    /** Sign-in cycles, unrecorded, for at most SECONDS: bench/run stops it once the server's compiler settles. */
    static void warm(Flow flow, URI base, int users, int seconds) throws Exception {
        Steps steps = new Steps();
        runCycles(new Target("warm", flow, base, 0), users, seconds, steps);
        System.out.println("cycles=" + steps.cycles());
    }

    /**
     * Exactly COUNT sign-in cycles, shared out among USERS, for bench/run's session-engine figures, which divide
     * what the servers did by the count. Prints the count and the seconds they took.
     */
    static void countedCycles(Flow flow, URI base, int users, int count) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        Steps steps = new Steps();
        long started = System.nanoTime();
        inParallel(users, user -> {
            Browser browser = new Browser(base);
            while (left.getAndDecrement() > 0) {
                flow.cycle(browser, username(user), password(user), steps);
            }
        });
        System.out.println("cycles=" + steps.cycles());
        System.out.printf("seconds=%.2f%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Exactly COUNT signed-in GET /profile, shared out among USERS, all with the one session whose Cookie line
     * COOKIE_FILE holds (the cookie command writes it), so that no session id stands on a command line. Every answer
     * must be the page itself: a redirect would mean the session had ended, and the figures would be a stranger's.
     */
    static void profiles(URI base, int users, int count, Path cookieFile) throws Exception {
        String cookie = Files.readAllLines(cookieFile).get(0).replaceFirst("^Cookie: ", "");
        AtomicInteger left = new AtomicInteger(count);
        long started = System.nanoTime();
        inParallel(users, user -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
            HttpRequest profile = HttpRequest.newBuilder(base.resolve("/profile")).timeout(TIMEOUT)
                    .header("Cookie", cookie).GET().build();
            while (left.getAndDecrement() > 0) {
                HttpResponse<Void> answer = client.send(profile, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET /profile with the bench session answered "
                            + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
                }
            }
        });
        System.out.println("profiles=" + count);
        System.out.printf("seconds=%.2f%n", (System.nanoTime() - started) / 1e9);
    }

    /** COUNT sign-ins, each in a fresh cookie jar, so that COUNT sessions stay signed in on the server. */
    static void sessions(Flow flow, URI base, int users, int count) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        inParallel(users, user -> {
            Browser browser = new Browser(base);
            while (left.getAndDecrement() > 0) {
                flow.signIn(browser, username(user), password(user));
                browser.forgetCookies();
            }
        });
        System.out.println("sessions=" + count);
    }

    interface VirtualUser {
        void run(int user) throws Exception;
    }

    static void inParallel(int users, VirtualUser body) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(users);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int user = 0; user < users; user++) {
                int id = user;
                running.add(threads.submit(() -> {
                    body.run(id);
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The two sign-in flows. A cycle is: the sign-in form, sign in, the profile, sign out. */
    interface Flow {
        void signUp(Browser browser, String username, String password) throws Exception;

        void signIn(Browser browser, String username, String password) throws Exception;

        void signOut(Browser browser, String profilePage, Steps steps) throws Exception;

        default void cycle(Browser browser, String username, String password, Steps steps) throws Exception {
            signIn(browser, username, password);
            HttpResponse<String> profile = browser.expect(200, browser.get("/profile"));
            if (!profile.body().contains("Welcome, " + username)) {
                throw new IllegalStateException("no welcome for " + username + " in\n" + profile.body());
            }
            signOut(browser, profile.body(), steps);
            steps.cycleDone();
        }
    }

    /** Gatehouse: the Faces sign-up form, the Servlet FORM login, each with the form's token; GET /logout. */
    static final class GatehouseFlow implements Flow {

        @Override
        public void signUp(Browser browser, String username, String password) throws Exception {
            String form = browser.expect(200, browser.get("/register")).body();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("register", "register");
            fields.put("username", username);
            fields.put("password", password);
            fields.put("confirmation", password);
            fields.put("signUp", "Sign up");
            fields.put("jakarta.faces.ViewState", Browser.hiddenValue(form, "jakarta.faces.ViewState"));
            fields.put("csrf_token", Browser.hiddenValue(form, "csrf_token"));
            browser.expectRedirect("/profile", browser.post("/register", fields));
            browser.expectRedirect("/", browser.get("/logout"));
        }

        @Override
        public void signIn(Browser browser, String username, String password) throws Exception {
            String form = browser.expect(200, browser.get("/login")).body();
            browser.expectRedirect("/profile", browser.post("/j_security_check", Map.of(
                    "j_username", username, "j_password", password, "csrf_token", Browser.hiddenValue(form, "csrf_token"))));
        }

        @Override
        public void signOut(Browser browser, String profilePage, Steps steps) throws Exception {
            long started = System.nanoTime();
            HttpResponse<String> signedOut = browser.get("/logout");
            steps.record("sign_out", started);
            browser.expectRedirect("/", signedOut);
        }
    }

    /** P1: Spring Security's form login and logout, each a POST carrying the CSRF token from the page before. */
    static final class SpringFlow implements Flow {

        @Override
        public void signUp(Browser browser, String username, String password) throws Exception {
            String form = browser.expect(200, browser.get("/register")).body();
            browser.expectRedirect("/login", browser.post("/register", Map.of(
                    "username", username, "password", password, "confirmation", password,
                    "_csrf", Browser.hiddenValue(form, "_csrf"))));
        }

        @Override
        public void signIn(Browser browser, String username, String password) throws Exception {
            String form = browser.expect(200, browser.get("/login")).body();
            browser.expectRedirect("/profile", browser.post("/login", Map.of(
                    "username", username, "password", password, "_csrf", Browser.hiddenValue(form, "_csrf"))));
        }

        @Override
        public void signOut(Browser browser, String profilePage, Steps steps) throws Exception {
            long started = System.nanoTime();
            HttpResponse<String> signedOut = browser.post("/logout",
                    Map.of("_csrf", Browser.hiddenValue(profilePage, "_csrf")));
            steps.record("sign_out", started);
            browser.expectRedirect("/", signedOut);
        }
    }

    /** One virtual user's client: its own connections and cookie jar, no automatic redirects. */
    static final class Browser {

        private final URI base;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client;

        Browser(URI base) {
            this.base = base;
            this.client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(cookies)
                    .connectTimeout(TIMEOUT)
                    .build();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form POST as a browser sends it from the same site. */
        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return client.send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", base.getScheme() + "://" + base.getAuthority())
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        void forgetCookies() {
            cookies.getCookieStore().removeAll();
        }

        /** Every cookie this client holds for the target, as a request's Cookie header carries them. */
        String cookieHeader() {
            return cookies.getCookieStore().get(base).stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
        }

        HttpResponse<String> expect(int status, HttpResponse<String> response) {
            if (response.statusCode() != status) {
                throw unexpected("status " + status, response);
            }
            return response;
        }

        /** A 302 or 303 to this path of the target, written as a path or as a full URL. */
        void expectRedirect(String path, HttpResponse<String> response) {
            String location = response.headers().firstValue("Location").orElse("");
            boolean redirect = response.statusCode() == 302 || response.statusCode() == 303;
            if (!redirect || !(location.equals(path) || URI.create(location).equals(base.resolve(path)))) {
                throw unexpected("a redirect to " + path, response);
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        }

        private static IllegalStateException unexpected(String expected, HttpResponse<String> response) {
            return new IllegalStateException("expected " + expected + " from " + response.request().method() + " "
                    + response.request().uri() + ", got " + response.statusCode() + " " + response.headers().map()
                    + "\n" + response.body());
        }

        static String hiddenValue(String page, String name) {
            Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(page);
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.find() ? input.group() : "");
            if (!value.find()) {
                throw new IllegalStateException("no hidden field " + name + " in\n" + page);
            }
            return value.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** Latencies of the steps that the table reports, and the count of whole cycles. */
    static final class Steps {

        private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
        private final AtomicInteger cycles = new AtomicInteger();

        synchronized void record(String step, long startedNanos) {
            nanos.computeIfAbsent(step, s -> new ArrayList<>()).add(System.nanoTime() - startedNanos);
        }

        void cycleDone() {
            cycles.incrementAndGet();
        }

        int cycles() {
            return cycles.get();
        }

        synchronized double percentile(String step, int percent) {
            long[] sorted = nanos.getOrDefault(step, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, rank)] / 1e6;
        }
    }

    private Load() {
    }
}
