package io.recoup.adapters.email;

import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Names Jakarta Mail's stream provider once for the whole process. Jakarta Mail 2.1 looks its {@code StreamProvider}
 * up again for every body part it builds, writes or parses (jakartaee/mail-api #699, #861); without the system
 * property {@value #PROPERTY} that is a {@code ServiceLoader} scan of the class path, in Recoup's executable jar every
 * nested jar, and it was most of what a reminder e-mail cost to build and send (and the local mail sink to read).
 * Naming Angus Mail's provider, the one the scan finds anyway, makes each look-up a loaded class. A value already set
 * (by whoever runs Recoup) is kept.
 */
public final class MailStreams {
    /** The system property Jakarta Mail reads before it scans. */
    public static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    private MailStreams() {
    }

    /** Sets {@value #PROPERTY} to Angus Mail's provider unless it is set already. */
    public static void nameProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, MailStreamProvider.class.getName());
        }
    }
}
