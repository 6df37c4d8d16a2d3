package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in the PHC format: they verify the right password only, and carry their own cost. */
class PasswordsTest {

    private final Passwords passwords = Passwords.owasp();

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = passwords.hash("correct horse battery staple");

        assertThat(passwords.verify("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(passwords.verify("", hash)).isFalse();
        assertThat(passwords.verify(null, hash)).isFalse();
    }

    @Test
    void theHashIsAPhcStringWithOwaspParametersAndARandomSalt() {
        String first = passwords.hash("the same password");
        String second = passwords.hash("the same password");

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).isNotEqualTo(second);
        PasswordHash parsed = PasswordHash.parse(first);
        assertThat(parsed.cost()).isEqualTo(PasswordHash.Cost.OWASP);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.encoded()).isEqualTo(first);
        assertThat(parsed.toString()).doesNotContain(first.substring(first.lastIndexOf('$') + 1));
    }

    @Test
    void aHashMadeUnderOtherParametersVerifiesUnderItsOwn() {
        String cheap = new Passwords(new PasswordHash.Cost(1024, 1, 1), new SecureRandom()).hash("an older password");

        assertThat(PasswordHash.parse(cheap).cost()).isEqualTo(new PasswordHash.Cost(1024, 1, 1));
        assertThat(passwords.verify("an older password", cheap)).isTrue();
        assertThat(passwords.verify("another password", cheap)).isFalse();
    }

    @Test
    void aMalformedHashVerifiesNothingAndIsNotShown() {
        assertThat(passwords.verify("x", "$2a$10$bcrypt-is-not-argon2")).isFalse();
        assertThat(passwords.verify("x", null)).isFalse();
        assertThatThrownBy(() -> PasswordHash.parse("$argon2id$v=19$m=1,t=1$secret-ish"))
                .hasMessage("not an Argon2id PHC string");
    }

    @Test
    void anUnknownUserIsRefusedAfterTheWorkOfARealCheck() {
        assertThat(passwords.verifyUnknown("whatever")).isFalse();
        assertThat(passwords.verifyUnknown("whatever")).isFalse();
    }
}
