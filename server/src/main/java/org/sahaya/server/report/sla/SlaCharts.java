package org.sahaya.server.report.sla;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
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
    private static final Color BARS = new Color(0x1F, 0x5F, 0x9F);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

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
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        XYPlot plot = chart.getXYPlot();
        plot.addDomainMarker(target);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BARS);
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, Color.WHITE);
        return png(light(chart));
    }

    /** The weekly SLA share in percent with the 95% target line; null when there are no weeks. */
    static String weeklyTrend(String title, List<SlaCalculator.Week> weeks, double targetShare) {
        if (weeks.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SlaCalculator.Week w : weeks) {
            data.addValue(w.share() == null ? null : w.share() * 100, "SLA share",
                    w.monday().format(WEEK) + " (" + w.incidents() + ")");
        }
        JFreeChart chart = ChartFactory.createLineChart(title, "week from Monday (incidents)", "% meeting both targets",
                data, PlotOrientation.VERTICAL, false, false, false);
        ValueMarker target = new ValueMarker(targetShare * 100, TARGET, new BasicStroke(2f));
        target.setLabel("target " + format(targetShare * 100) + "%");
        target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.addRangeMarker(target);
        plot.getRangeAxis().setRange(0, 105);
        LineAndShapeRenderer line = (LineAndShapeRenderer) plot.getRenderer();
        line.setDefaultShapesVisible(true);
        line.setSeriesPaint(0, BARS);
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        return png(light(chart));
    }

    /** White, with light grid lines: the pages are printed and mailed. */
    private static JFreeChart light(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlinePaint(GRID);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
        }
        return chart;
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
