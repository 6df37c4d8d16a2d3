package org.sahaya.notify.template;

/**
 * How many SMS parts a text costs. A text made only of GSM 03.38 characters travels as GSM-7:
 * 160 septets alone, 153 per part when concatenated (the rest carries the part header), and the
 * extension characters ({@code ^ { } \ [ ~ ] | €} and form feed) take two septets each. Anything
 * else, including every Indic script and Arabic, forces UCS-2: 70 UTF-16 units alone, 67 per part.
 * A character is never split across parts (an escape pair or a surrogate pair moves to the next).
 *
 * @param encoding how the text would be encoded
 * @param units    septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments parts the text is sent as; an empty text still costs one
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    /** SMS character encodings. */
    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        private final int single;
        private final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        /** Units that fit in a message sent as one part. */
        public int single() {
            return single;
        }

        /** Units that fit in each part of a concatenated message. */
        public int perPart() {
            return perPart;
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Counts the parts of {@code text}. */
    public static SmsSegments of(String text) {
        int[] widths = gsmWidths(text);
        Encoding encoding = widths == null ? Encoding.UCS_2 : Encoding.GSM_7;
        if (widths == null) {
            widths = text.codePoints().map(Character::charCount).toArray();
        }
        int units = 0;
        for (int w : widths) {
            units += w;
        }
        return new SmsSegments(encoding, units, units <= encoding.single() ? 1 : parts(widths, encoding.perPart()));
    }

    /** Septets per character, or null when some character is not in GSM-7. */
    private static int[] gsmWidths(String text) {
        int[] widths = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (GSM_BASIC.indexOf(ch) >= 0) {
                widths[i] = 1;
            } else if (GSM_EXTENSION.indexOf(ch) >= 0) {
                widths[i] = 2;
            } else {
                return null;
            }
        }
        return widths;
    }

    private static int parts(int[] widths, int perPart) {
        int parts = 1;
        int used = 0;
        for (int w : widths) {
            if (used + w > perPart) {
                parts++;
                used = 0;
            }
            used += w;
        }
        return parts;
    }
}
