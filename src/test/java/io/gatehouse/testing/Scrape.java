package io.gatehouse.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** One Prometheus scrape: its samples by name and labels, and Debian's promtool's verdict on it. */
public record Scrape(String text) {

    private static final File PROMTOOL = new File("/usr/bin/promtool");

    /** @param series as it appears in the text: {@code gatehouse_sign_ins_total{outcome="ok"}} */
    public double value(String series) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#") && line.lastIndexOf(' ') > 0) {
                samples.put(line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        Double value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no " + series + " in\n" + text);
        }
        return value;
    }

    /** promtool's findings, empty when it passes; without promtool a developer's run skips, CI's must not. */
    public String promtoolFindings() throws IOException, InterruptedException {
        if (!PROMTOOL.canExecute() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's prometheus package for promtool (see .ci/run)");
        }
        Assumptions.assumeTrue(PROMTOOL.canExecute(), "install Debian's prometheus to check the metrics with promtool");
        Process promtool = new ProcessBuilder(PROMTOOL.getPath(), "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!promtool.waitFor(30, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
            return "exit " + promtool.exitValue() + ": " + findings;
        }
        return "";
    }
}
