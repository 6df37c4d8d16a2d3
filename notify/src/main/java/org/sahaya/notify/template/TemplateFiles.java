package org.sahaya.notify.template;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the template files {@code messages_<language>.properties} (UTF-8) beside {@link MessageTemplates}
 * from the classpath and checks them, so that a broken file stops the node at start rather than a
 * message while a family waits.
 */
final class TemplateFiles {

    private TemplateFiles() {
    }

    /**
     * Every language's patterns by key.
     *
     * @throws IllegalStateException if a file is missing, lacks one of {@code requiredKeys} or holds a
     *                               pattern ICU cannot parse
     */
    static Map<String, Map<String, String>> load(List<String> languages, List<String> requiredKeys) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, String> patterns = read(language);
            for (String key : requiredKeys) {
                String pattern = patterns.get(key);
                if (pattern == null || pattern.isBlank()) {
                    throw new IllegalStateException("template " + key + " is missing for language " + language);
                }
                try {
                    new MessagePattern(pattern);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("template " + key + " of " + language + " is not valid ICU", e);
                }
            }
            all.put(language, Map.copyOf(patterns));
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> read(String language) {
        String file = "messages_" + language + ".properties";
        try (InputStream in = MessageTemplates.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("template file " + file + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> patterns = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> patterns.put(key, properties.getProperty(key)));
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template file " + file, e);
        }
    }
}
