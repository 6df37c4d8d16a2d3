package org.sahaya.server.demo;

/**
 * A run of consecutive E.164 numbers: {@code prefix} followed by {@code first..last}, zero-padded
 * to {@code width} digits. {@code +442079460} with 000..999 is Ofcom's London drama range.
 */
record NumberRange(String prefix, int first, int last, int width) {

    NumberRange {
        if (!prefix.matches("\\+[1-9]\\d+") || first < 0 || last < first || String.valueOf(last).length() > width) {
            throw new IllegalArgumentException("bad number range " + prefix + " " + first + ".." + last);
        }
    }

    int size() {
        return last - first + 1;
    }

    /** @return the {@code index}-th number of the range, 0-based */
    String number(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return prefix + String.format("%0" + width + "d", first + index);
    }
}
