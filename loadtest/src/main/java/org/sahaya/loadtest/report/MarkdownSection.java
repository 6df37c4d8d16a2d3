package org.sahaya.loadtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a hand-written markdown file, between two HTML comments
 * ({@code <!-- loadtest:NAME:begin -->} … {@code <!-- loadtest:NAME:end -->}). Writing it again
 * replaces it; everything outside the markers is left as written.
 */
public final class MarkdownSection {

    private MarkdownSection() {
    }

    /** The document with section {@code name} set to {@code content}: replaced where it is, else appended. */
    public static String upsert(String document, String name, String content) {
        String begin = "<!-- loadtest:" + name + ":begin -->";
        String end = "<!-- loadtest:" + name + ":end -->";
        String body = content.endsWith("\n") ? content : content + "\n";
        int from = document.indexOf(begin);
        int to = from < 0 ? -1 : document.indexOf(end, from);
        if (from >= 0 && to >= 0) {
            return document.substring(0, from) + begin + "\n" + body + document.substring(to);
        }
        String separator = document.isEmpty() || document.endsWith("\n\n") ? ""
                : document.endsWith("\n") ? "\n" : "\n\n";
        return document + separator + begin + "\n" + body + end + "\n";
    }

    public static void upsert(Path file, String name, String content) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, upsert(document, name, content), StandardCharsets.UTF_8);
    }
}
