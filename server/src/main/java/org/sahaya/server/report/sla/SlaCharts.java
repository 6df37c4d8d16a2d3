package org.sahaya.server.report.sla;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The plots of a monthly report, drawn with JFreeChart as PNGs and handed back as {@code data:} URIs so that
 * each page is one file. Needs {@code java.awt.headless=true} on a machine without a display
 * ({@link SlaReportCommand} sets it).
 */
final class SlaCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final Color TARGET = new Color(0xC6, 0x28, 0x28);

    private SlaCharts() {
    }

    /**
     * A histogram of durations in minutes with the target as a red line; null when there is nothing to draw.
     *
     * @param minutes       the durations
     * @param targetMinutes where the line goes; the axis reaches at least twice as far
     */
    static String histogram(String title, List<Double> minutes, double targetMinutes) {
        if (minutes.isEmpty()) {
            return null;
        }
        double top = Math.max(Math.ceil(minutes.stream().mapToDouble(Double::doubleValue).max().orElse(0)),
                targetMinutes * 2);
        int bins = (int) Math.min(60, Math.max(10, Math.ceil(top * 2)));
        HistogramDataset data = new HistogramDataset();
        data.addSeries("incidents", minutes.stream().mapToDouble(Double::doubleValue).toArray(), bins, 0, top);
        JFreeChart chart = ChartFactory.createHistogram(title, "minutes after the alert", "incidents", data,
                PlotOrientation.VERTICAL, false, false, false);
        ValueMarker target = new ValueMarker(targetMinutes, TARGET, new BasicStroke(2f));
        target.setLabel("target " + format(targetMinutes) + " min");
        chart.getXYPlot().addDomainMarker(target);
        return png(chart);
    }

    /** The weekly SLA share in percent with the 95% target line; null when there are no weeks. */
    static String weeklyTrend(String title, List<SlaCalculator.Week> weeks, double targetShare) {
        if (weeks.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SlaCalculator.Week w : weeks) {
            data.addValue(w.share() == null ? null : w.share() * 100, "SLA share", "week of " + w.monday());
        }
        JFreeChart chart = ChartFactory.createLineChart(title, "week", "% of incidents meeting both targets", data,
                PlotOrientation.VERTICAL, false, false, false);
        ValueMarker target = new ValueMarker(targetShare * 100, TARGET, new BasicStroke(2f));
        target.setLabel("target " + format(targetShare * 100) + "%");
        chart.getCategoryPlot().addRangeMarker(target);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 105);
        return png(chart);
    }

    private static String png(JFreeChart chart) {
        try {
            byte[] bytes = ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
