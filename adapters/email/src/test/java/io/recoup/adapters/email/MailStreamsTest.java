package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailStreamsTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(MailStreams.PROPERTY);
        System.clearProperty(MailStreams.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(MailStreams.PROPERTY);
        } else {
            System.setProperty(MailStreams.PROPERTY, before);
        }
    }

    @Test
    void namesAngusMailsProviderWhichJakartaMailThenUses() {
        MailStreams.nameProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    @Test
    void keepsAProviderNamedBeforehand() {
        System.setProperty(MailStreams.PROPERTY, "com.example.OwnStreamProvider");

        MailStreams.nameProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.OwnStreamProvider");
    }
}
