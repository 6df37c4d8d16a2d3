package org.sahaya.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSectionTest {

    private static final String HAND_WRITTEN = "# Benchmarks\n\nWhy and how.\n";

    @Test
    void appendsTheSectionWhenTheDocumentHasNone() {
        String doc = MarkdownSection.upsert(HAND_WRITTEN, "latest", "| a |\n");

        assertThat(doc).isEqualTo(HAND_WRITTEN + "\n<!-- loadtest:latest:begin -->\n| a |\n<!-- loadtest:latest:end -->\n");
    }

    @Test
    void replacesOnlyItsOwnSectionAndKeepsEverythingAroundIt() {
        String doc = MarkdownSection.upsert(HAND_WRITTEN, "latest", "old numbers");
        doc = MarkdownSection.upsert(doc, "other", "keep me");
        doc += "\n## Caveats\nHand-written.\n";

        String updated = MarkdownSection.upsert(doc, "latest", "new numbers");

        assertThat(updated).contains("new numbers", "keep me", "## Caveats\nHand-written.", "Why and how.")
                .doesNotContain("old numbers");
        assertThat(MarkdownSection.upsert(updated, "latest", "new numbers")).isEqualTo(updated);
    }

    @Test
    void createsTheFileAndItsDirectoryWhenMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs/benchmarks.md");

        MarkdownSection.upsert(file, "latest", "numbers");
        MarkdownSection.upsert(file, "latest", "better numbers");

        assertThat(Files.readString(file)).isEqualTo("<!-- loadtest:latest:begin -->\nbetter numbers\n"
                + "<!-- loadtest:latest:end -->\n");
    }
}
