package io.recoup.app;

import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import io.recoup.core.port.OpenItemSource;
import io.recoup.core.port.ReminderChannel;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For the crash test only, and off unless {@code recoup.crash-test.pause-at} is set: makes the process stop at one named
 * point of one day, say so on standard output, and wait there to be killed, so a test can SIGKILL it at exactly that
 * moment (while an SMTP server holds a message the database does not know was sent, right after a payments file is
 * written, ...). The value is {@code <point>@<day>} or {@code <point>@<day>#<n>} for the n-th time that day; the
 * points are {@link #POINTS}. Unset, every method here hands back what it was given.
 */
@Component
public class PausePoints {
    /** Where the process can be paused: around each day, after reading a ledger export, in an e-mail send, after posting. */
    public static final Set<String> POINTS = Set.of("day-start", "day-end", "ledger-read", "smtp-accepted", "mail-written",
            "payments-written");
    private static final Pattern TARGET = Pattern.compile("([a-z-]+)@(\\d{4}-\\d{2}-\\d{2})(?:#([1-9]\\d*))?");

    private final String point;
    private final String day;
    private final int occurrence;
    private final SettableClock clock;
    private final PrintStream out;
    private final Map<String, Integer> reached = new HashMap<>();

    @Autowired
    PausePoints(@Value("${recoup.crash-test.pause-at:}") String target, SettableClock clock) {
        this(target, clock, System.out);
    }

    PausePoints(String target, SettableClock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
        if (target == null || target.isBlank()) {
            point = null;
            day = null;
            occurrence = 0;
            return;
        }
        var m = TARGET.matcher(target.strip());
        if (!m.matches() || !POINTS.contains(m.group(1))) {
            throw new ConfigurationRefused("recoup.crash-test.pause-at: '" + target + "' is not <point>@<YYYY-MM-DD>[#n] with a point of "
                    + POINTS, List.of("recoup.crash-test.pause-at"));
        }
        point = m.group(1);
        day = LocalDate.parse(m.group(2)).toString();
        occurrence = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    }

    /** Pauses for good if this is the point, day and occurrence asked for; otherwise returns at once. */
    public void reached(String name) {
        if (point == null || !point.equals(name)) {
            return;
        }
        String today = LocalDate.ofInstant(clock.instant(), clock.getZone()).toString();
        int n;
        synchronized (reached) {
            n = reached.merge(today, 1, Integer::sum);
        }
        if (today.equals(day) && n == occurrence) {
            out.println("recoup: paused at " + name + "@" + day + "#" + n + ", waiting to be killed");
            out.flush();
            waitForever();
        }
    }

    /** The channel, pausing at {@code name} once each message it sends has been accepted. */
    ReminderChannel after(String name, ReminderChannel channel) {
        return point == null ? channel : new AfterDelivery(channel, () -> reached(name));
    }

    /** The poster, pausing at {@code payments-written} once a batch is in the ledger (its file written). */
    LedgerPoster around(LedgerPoster poster) {
        if (point == null) {
            return poster;
        }
        return new LedgerPoster() {
            @Override
            public Set<String> alreadyPosted(Set<String> documentNumbers) {
                return poster.alreadyPosted(documentNumbers);
            }

            @Override
            public String post(List<LedgerPosting> postings) {
                String batch = poster.post(postings);
                reached("payments-written");
                return batch;
            }
        };
    }

    /** The source, pausing at {@code ledger-read} once an export is read and before any of it is stored. */
    OpenItemSource around(OpenItemSource source) {
        if (point == null) {
            return source;
        }
        return new OpenItemSource() {
            @Override
            public String sourceName() {
                return source.sourceName();
            }

            @Override
            public LedgerBatch read(String origin, InputStream export) {
                LedgerBatch batch = source.read(origin, export);
                reached("ledger-read");
                return batch;
            }
        };
    }

    private void waitForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused at " + point + "@" + day, e);
        }
    }
}
