package eu.impactlab.impact;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts as inline SVG drawn on the server: no script, no style attributes (the CSP forbids inline styles), colours
 * from classes in impact.css. Hidden cells get no bar, only the mark "•". The data table beside each chart carries
 * the same numbers for screen readers and printing.
 */
final class Charts {

    private static final int WIDTH = 640;

    private Charts() {
    }

    /** The chart as SVG for the dashboard. */
    static String svg(Presentation.Chart chart) {
        return chart.trend() ? trend(chart.title(), chart.bars()) : horizontal(chart.title(), chart.bars());
    }

    /** Horizontal bars: one line per row, the label above its bar so long names fit at 320 px. */
    static String horizontal(String title, List<Presentation.Bar> bars) {
        long max = Math.max(1, bars.stream().filter(b -> b.value() != null).mapToLong(Presentation.Bar::value).max().orElse(1));
        int row = 40;
        int height = Math.max(row, bars.size() * row) + 4;
        StringBuilder svg = open(title, height);
        int y = 0;
        int barSpace = WIDTH - 90;
        for (Presentation.Bar bar : bars) {
            svg.append("<text class=\"chart-label\" x=\"0\" y=\"").append(y + 14).append("\">")
                    .append(esc(bar.label())).append("</text>");
            int w = bar.value() == null ? 0 : (int) Math.round((double) bar.value() / max * barSpace);
            if (w > 0) {
                svg.append("<rect class=\"chart-bar\" x=\"0\" y=\"").append(y + 18).append("\" width=\"").append(w)
                        .append("\" height=\"16\"/>");
            }
            svg.append("<text class=\"chart-value\" x=\"").append(w + 6).append("\" y=\"").append(y + 31).append("\">")
                    .append(esc(bar.text())).append("</text>");
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars over time, with the first and the last period named below. */
    static String trend(String title, List<Presentation.Bar> bars) {
        long max = Math.max(1, bars.stream().filter(b -> b.value() != null).mapToLong(Presentation.Bar::value).max().orElse(1));
        int height = 220;
        int plot = 170;
        StringBuilder svg = open(title, height);
        double step = bars.isEmpty() ? WIDTH : (double) WIDTH / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Presentation.Bar bar = bars.get(i);
            double x = i * step;
            if (bar.value() == null) {
                svg.append("<text class=\"chart-value\" x=\"").append(fmt(x + step / 2)).append("\" y=\"").append(plot)
                        .append("\" text-anchor=\"middle\">").append(Presentation.HIDDEN).append("</text>");
                continue;
            }
            double h = (double) bar.value() / max * (plot - 20);
            svg.append("<rect class=\"chart-bar\" x=\"").append(fmt(x + step * 0.1)).append("\" y=\"").append(fmt(plot - h))
                    .append("\" width=\"").append(fmt(Math.max(1, step * 0.8))).append("\" height=\"").append(fmt(h))
                    .append("\"><title>").append(esc(bar.label() + ": " + bar.text())).append("</title></rect>");
        }
        svg.append("<line class=\"chart-axis\" x1=\"0\" y1=\"").append(plot).append("\" x2=\"").append(WIDTH)
                .append("\" y2=\"").append(plot).append("\"/>");
        svg.append("<text class=\"chart-label\" x=\"0\" y=\"").append(plot + 20).append("\">max ").append(max).append("</text>");
        if (!bars.isEmpty()) {
            svg.append("<text class=\"chart-label\" x=\"0\" y=\"").append(plot + 42).append("\">")
                    .append(esc(bars.get(0).label())).append("</text>");
            svg.append("<text class=\"chart-label\" x=\"").append(WIDTH).append("\" y=\"").append(plot + 42)
                    .append("\" text-anchor=\"end\">").append(esc(bars.get(bars.size() - 1).label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        // direction="ltr": in an Arabic page the labels would otherwise run leftwards from x=0, out of the picture
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" direction=\"ltr\" viewBox=\"0 0 ")
                .append(WIDTH + 60).append(' ').append(height).append("\" aria-label=\"").append(esc(title)).append("\"><title>")
                .append(esc(title)).append("</title>");
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
