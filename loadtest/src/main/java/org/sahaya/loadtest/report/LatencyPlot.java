package org.sahaya.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * A PNG of latency by percentile, one curve per series, both axes logarithmic: x runs from the
 * median to 99.99% as HdrHistogram's own plots do (1 / (1 - p)), y from 0.1 ms to 10 s. Drawn
 * with java.awt, headless, so the report needs no charting library.
 */
public final class LatencyPlot {

    static final int WIDTH = 1000;
    static final int HEIGHT = 620;
    private static final int LEFT = 80;
    private static final int RIGHT = 290;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};
    private static final double MIN_MS = 0.1;
    private static final double MAX_MS = 10_000;
    private static final Color[] COLORS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x7F7F7F),
            new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2),
            new Color(0x17BECF), new Color(0xBCBD22), Color.BLACK, new Color(0x393B79), new Color(0x637939),
            new Color(0x843C39)};

    private LatencyPlot() {
    }

    /**
     * @param series name → latencies in microseconds, drawn in this order (empty histograms are skipped)
     */
    public static void write(Path png, String title, Map<String, Histogram> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            axes(g, title);
            int i = 0;
            for (Map.Entry<String, Histogram> s : series.entrySet()) {
                if (s.getValue().getTotalCount() == 0) {
                    continue;
                }
                Color color = COLORS[i % COLORS.length];
                curve(g, s.getValue(), color, i >= COLORS.length);
                legend(g, i, s.getKey(), color);
                i++;
            }
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void axes(Graphics2D g, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            int y = y(ms);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(ms < 1 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms),
                    8, y + 4);
        }
        for (double p : PERCENTILES) {
            int x = x(p);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(p + "%", x - 14, HEIGHT - BOTTOM + 18);
        }
        g.drawString("percentile (intended send → answer)", LEFT + 180, HEIGHT - 18);
        g.drawRect(LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP);
    }

    private static void curve(Graphics2D g, Histogram h, Color color, boolean dashed) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2f));
        int steps = 200;
        int px = -1;
        int py = -1;
        for (int k = 0; k <= steps; k++) {
            // evenly spaced on the x axis: from 1 - p = 0.5 down to 1 - p = 0.0001
            double p = Math.min(99.99, 100 * (1 - 0.5 * Math.pow(10, -Math.log10(5000) * k / steps)));
            int x = x(p);
            int y = y(h.getValueAtPercentile(p) / 1000.0);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, int index, String name, Color color) {
        int x = WIDTH - RIGHT + 15;
        int y = TOP + 10 + index * 20;
        g.setColor(color);
        g.fillRect(x, y - 8, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString(name, x + 25, y - 2);
    }

    /** 50% at the left edge, 99.99% at the right: log of 1 / (1 - p). */
    static int x(double percentile) {
        double span = Math.log10(1 / (1 - 0.9999)) - Math.log10(2);
        double at = Math.log10(1 / (1 - percentile / 100)) - Math.log10(2);
        return LEFT + (int) Math.round((WIDTH - RIGHT - LEFT) * at / span);
    }

    static int y(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double at = (Math.log10(clamped) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
        return HEIGHT - BOTTOM - (int) Math.round((HEIGHT - BOTTOM - TOP) * at);
    }
}
