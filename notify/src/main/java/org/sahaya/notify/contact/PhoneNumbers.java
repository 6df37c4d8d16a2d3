package org.sahaya.notify.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Family phone numbers in E.164, checked with libphonenumber when a contact is saved, so a bad
 * number is refused at the desk and not discovered at 3 a.m. Pure.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param raw a number in international form ({@code +44 7700 900123}, spaces and dashes allowed)
     * @return the number as E.164 ({@code +447700900123}), or empty when it is not a valid number
     */
    public static Optional<String> e164(String raw) {
        if (raw == null || !raw.trim().startsWith("+") || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), null);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
