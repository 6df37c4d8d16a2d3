package org.sahaya.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyPlotTest {

    @Test
    void writesAPngWithOneCurvePerSeries(@TempDir Path dir) throws Exception {
        Histogram fast = new Histogram(60_000_000L, 3);
        Histogram slow = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 10_000; i++) {
            fast.recordValue(500 + i % 100);
            slow.recordValue(5_000 + i);
        }
        Map<String, Histogram> series = new LinkedHashMap<>();
        series.put("sahaya", fast);
        series.put("reference", slow);
        series.put("empty", new Histogram(60_000_000L, 3));
        Path png = dir.resolve("plots/latency.png");

        LatencyPlot.write(png, "test", series);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(LatencyPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LatencyPlot.HEIGHT);
        // the first series' colour is drawn at its median (0.5 ms), the second's higher up (about 10 ms)
        int x = LatencyPlot.x(50) + 1;
        assertThat(columnHas(image, x, 0xD62728, LatencyPlot.y(0.6), LatencyPlot.y(0.5))).isTrue();
        assertThat(columnHas(image, x, 0x1F77B4, LatencyPlot.y(11), LatencyPlot.y(9))).isTrue();
    }

    @Test
    void axesAreLogarithmic() {
        assertThat(LatencyPlot.y(1) - LatencyPlot.y(10)).isEqualTo(LatencyPlot.y(10) - LatencyPlot.y(100));
        assertThat(LatencyPlot.x(99) - LatencyPlot.x(90)).isCloseTo(LatencyPlot.x(99.9) - LatencyPlot.x(99), org.assertj.core.data.Offset.offset(1));
    }

    private static boolean columnHas(BufferedImage image, int x, int rgb, int fromY, int toY) {
        for (int y = Math.min(fromY, toY) - 2; y <= Math.max(fromY, toY) + 2; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((image.getRGB(x + dx, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
