import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's ratios as a picture: per figure, a bar for Gatehouse ÷ P1 and one for Gatehouse ÷ P3, the parity line
 * at 1×, and the figure's target as a red mark on the bar it applies to. Plain SVG, written by hand because it is
 * a few rectangles; no chart library for the bench's tools to download.
 */
final class Chart {

    /** One figure: its ratios (null if not measured) and targets (null if it has none). */
    record Bars(String name, Double ofP1, Double ofP3, Double targetP1, Double targetP3) {
    }

    private static final int LABEL = 700;
    private static final int PLOT = 420;
    private static final int ROW = 34;
    private static final int TOP = 46;

    private final List<Bars> figures = new ArrayList<>();

    void add(Bars bars) {
        if (bars.ofP1() != null || bars.ofP3() != null) {
            figures.add(bars);
        }
    }

    String svg(String title) {
        double scale = PLOT / Math.max(2.0, Math.ceil(largest() * 1.1 * 2) / 2);
        int height = TOP + figures.size() * ROW + 30;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                LABEL + PLOT + 80, height));
        svg.append(text(8, 18, escape(title), "font-size=\"14\" font-weight=\"bold\""));
        svg.append(legend());
        for (int i = 0; i < figures.size(); i++) {
            Bars bars = figures.get(i);
            int y = TOP + i * ROW;
            svg.append(text(LABEL - 8, y + 16, escape(bars.name()), "text-anchor=\"end\""));
            bar(svg, y + 3, bars.ofP1(), bars.targetP1(), scale, "#3b6ea8");
            bar(svg, y + 17, bars.ofP3(), bars.targetP3(), scale, "#9aa5b1");
        }
        int parity = LABEL + (int) Math.round(scale);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" "
                + "stroke-dasharray=\"3,3\"/>%n", parity, TOP - 6, parity, height - 24));
        svg.append(text(parity, height - 10, "1× (as fast / as small as the peer)", "text-anchor=\"middle\""));
        return svg.append("</svg>\n").toString();
    }

    private double largest() {
        double largest = 1;
        for (Bars bars : figures) {
            for (Double value : new Double[] {bars.ofP1(), bars.ofP3(), bars.targetP1(), bars.targetP3()}) {
                if (value != null) {
                    largest = Math.max(largest, value);
                }
            }
        }
        return largest;
    }

    private static void bar(StringBuilder svg, int y, Double ratio, Double target, double scale, String colour) {
        if (ratio != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>%n",
                    LABEL, y, ratio * scale, colour));
            svg.append(text(LABEL + (int) Math.round(ratio * scale) + 4, y + 10,
                    String.format(Locale.ROOT, "%.2f×", ratio), "font-size=\"10\""));
        }
        if (target != null) {
            int x = LABEL + (int) Math.round(target * scale);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c0392b\" "
                    + "stroke-width=\"3\"/>%n", x, y - 2, x, y + 14));
        }
    }

    private static String legend() {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"26\" width=\"12\" height=\"10\" fill=\"#3b6ea8\"/>%n", LABEL)
                + text(LABEL + 16, 35, "Gatehouse ÷ P1 Spring Boot", "")
                + String.format(Locale.ROOT, "<rect x=\"%d\" y=\"26\" width=\"12\" height=\"10\" fill=\"#9aa5b1\"/>%n", LABEL + 190)
                + text(LABEL + 206, 35, "Gatehouse ÷ P3 servlet", "")
                + String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"24\" x2=\"%d\" y2=\"38\" stroke=\"#c0392b\" stroke-width=\"3\"/>%n",
                        LABEL + 350, LABEL + 350)
                + text(LABEL + 356, 35, "target", "");
    }

    private static String text(int x, int y, String text, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, text);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "");
    }
}
