package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a city bundle as people read it and {@link BundleReader} reports on it: one entry per line,
 * so that a report's line number is the entry's line. Entries are streamed: a big city is never
 * held whole. Call {@link #start}, then {@link #section} for each section in {@link CityKinds#SECTIONS}
 * order with its {@link #entry entries}, then {@link #end}.
 */
public final class BundleWriter {

    private final Writer out;
    private boolean firstEntry;

    public BundleWriter(Writer out) {
        this.out = out;
    }

    /** The format line and the city (null for none). */
    public BundleWriter start(JsonObject city) throws IOException {
        out.write("{\n  \"format\": \"" + CityKinds.FORMAT + "\"");
        if (city != null) {
            out.write(",\n  \"city\": " + city.encode());
        }
        return this;
    }

    public BundleWriter section(String name) throws IOException {
        closeSection();
        out.write(",\n  \"" + name + "\": [");
        firstEntry = true;
        inSection = true;
        return this;
    }

    public BundleWriter entry(JsonObject entry) throws IOException {
        out.write(firstEntry ? "\n    " : ",\n    ");
        out.write(entry.encode());
        firstEntry = false;
        return this;
    }

    public void end() throws IOException {
        closeSection();
        out.write("\n}\n");
        out.flush();
    }

    private boolean inSection;

    private void closeSection() throws IOException {
        if (inSection) {
            out.write(firstEntry ? "]" : "\n  ]");
            inSection = false;
        }
    }
}
