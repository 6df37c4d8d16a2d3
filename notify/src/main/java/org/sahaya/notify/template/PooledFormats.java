package org.sahaya.notify.template;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * ICU formatters, pooled. ICU's formatters are not thread-safe, and building one (parsing the
 * pattern, loading plural rules and date patterns) cost more CPU than anything else on the way to the
 * provider, so compiled patterns and time formats are kept per (locale, key) and lent to one render
 * at a time. Thread-safe.
 */
final class PooledFormats {

    /** "jm": hour and minute in the locale's own clock convention (14:05 in Germany, 2:05 PM in the US). */
    private static final String TIME_SKELETON = "jm";
    private static final int MAX_CACHED_LOCALES = 1_000;
    /** Parsed BCP 47 tags: parsing one cost more than the lookup. */
    private static final Map<String, ULocale> LOCALES = new ConcurrentHashMap<>();

    /** Compiled patterns by locale and key, each in use by one thread at a time. */
    private final Map<ULocale, Map<String, Queue<MessageFormat>>> compiled = new ConcurrentHashMap<>();
    /** Time formats by locale, without a zone; used only through clones. */
    private final Map<ULocale, Queue<DateFormat>> timeFormats = new ConcurrentHashMap<>();

    /** The locale to render {@code language} in for a contact's tag: the tag itself when its language matches. */
    static ULocale localeFor(String languageTag, String language) {
        ULocale requested = languageTag == null ? ULocale.ROOT : locale(languageTag);
        return requested.getLanguage().equals(language) ? requested : locale(language);
    }

    static ULocale locale(String languageTag) {
        ULocale cached = LOCALES.get(languageTag);
        if (cached != null) {
            return cached;
        }
        ULocale parsed = ULocale.forLanguageTag(languageTag);
        if (LOCALES.size() < MAX_CACHED_LOCALES) { // tags come from contacts: keep the cache bounded
            LOCALES.put(languageTag, parsed);
        }
        return parsed;
    }

    /**
     * Formats with a compiled pattern taken from the pool for (locale, key), or a new one; it goes back
     * afterwards, so a warm pattern keeps its plural rules and number format and no two threads ever
     * use one at the same time.
     */
    String format(Map<String, String> patterns, String key, ULocale locale, Map<String, Object> values) {
        Queue<MessageFormat> pool = compiled.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        MessageFormat format = pool.poll();
        if (format == null) {
            format = new MessageFormat(patterns.get(key), locale);
        }
        String text = format.format(values);
        pool.offer(format);
        return text;
    }

    /** Hour and minute of {@code at} in {@code zone}, in the locale's clock convention. */
    String time(Instant at, ZoneId zone, ULocale locale) {
        // Pooled like the patterns: one render at a time per instance.
        Queue<DateFormat> pool = timeFormats.computeIfAbsent(locale, l -> new ConcurrentLinkedQueue<>());
        DateFormat format = pool.poll();
        if (format == null) {
            format = DateFormat.getInstanceForSkeleton(TIME_SKELETON, locale);
        }
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        String text = format.format(Date.from(at));
        pool.offer(format);
        // CLDR puts a narrow no-break space before AM/PM; it is not in GSM-7, and one such character
        // would turn a one-part English SMS into a three-part UCS-2 one.
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
}
