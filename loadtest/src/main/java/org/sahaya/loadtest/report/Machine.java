package org.sahaya.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the numbers were measured on. Linux details come from {@code /proc} when it is there;
 * the load average is read at the start and end, since the machine is shared and noisy.
 */
public record Machine(String cpu, int cores, long memoryMb, String os, String java) {

    public static Machine detect() {
        String cpu = proc("cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        long memoryMb = proc("meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memoryMb,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1, 5 and 15 minute load averages now, or "n/a". */
    public static String loadAverage() {
        return proc("loadavg").map(s -> String.join(" ", Arrays.copyOf(s.trim().split("\\s+"), 3)))
                .orElse("n/a");
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %s MB RAM, %s, %s", cores, cpu,
                memoryMb < 0 ? "?" : Long.toString(memoryMb), os, java);
    }

    private static Optional<String> proc(String name) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", name)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
