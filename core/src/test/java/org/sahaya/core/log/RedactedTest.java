package org.sahaya.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLDataException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.PersistenceException;

class RedactedTest {

    @Test
    void aDriverMessageQuotingParametersIsLeftOutButClassSqlStateAndStackStay() {
        SQLDataException driver = new SQLDataException("Value too long for column VITALS: '{\"hr\":\"HR-MARK\",\"name\":\"Asha\"}'",
                "22001", 22001);
        Throwable chain = new CompletionException(driver.getMessage(), new PersistenceException(driver));

        Redacted redacted = Redacted.of(chain);

        String printed = printed(redacted);
        assertThat(printed).doesNotContain("Asha", "HR-MARK", "Value too long")
                .contains("java.util.concurrent.CompletionException", PersistenceException.class.getName(),
                        "PersistenceException$Withheld [SQLState 22001, error 22001]: java.sql.SQLDataException (message withheld", "RedactedTest.java");
        assertThat(redacted.getStackTrace()).isEqualTo(chain.getStackTrace());
    }

    @Test
    void aPersistenceExceptionCarriesNoDriverMessageEvenUnredacted() {
        SQLDataException driver = new SQLDataException("Value too long: '{\"name\":\"Asha\"}'", "22001", 22001);

        PersistenceException e = new PersistenceException(driver);

        assertThat(printed(e)).doesNotContain("Asha").contains("SQLDataException", "22001", "RedactedTest.java");
        assertThat(new PersistenceException(new SQLDataException("dup", "23505", 23505)).isDuplicateKey()).isTrue();
    }

    @Test
    void ourOwnMessagesStay() {
        assertThat(Redacted.describe(new PersistenceException("device D-1 has no subscriber")))
                .endsWith(": device D-1 has no subscriber");
        assertThat(Redacted.describe(new IllegalArgumentException("For input string: \"Asha\"")))
                .isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void aCauseLoopEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(printed(Redacted.of(a))).doesNotContain(": a", ": b");
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
