package io.recoup.core.port;

import java.util.List;
import java.util.function.Consumer;

/**
 * A place providers' reports about sent messages are fetched from, rather than pushed to us: a mailbox of bounces
 * (delivery status notifications). A poll hands what it found to {@code apply}, which stores it; only once that
 * returned are the reports marked as taken, so a crash in between reads them again (storing a report is idempotent).
 */
public interface DeliveryReports {
    /** Reads what arrived since the last poll, hands it to {@code apply}, then marks it taken; how many messages were read. */
    Scan poll(Consumer<List<DeliveryStatus>> apply);

    /** What one poll read: every message is a report of ours or is counted as ignored, with why. */
    record Scan(int read, int reports, List<String> ignored) {
        public Scan {
            ignored = List.copyOf(ignored);
            if (read != reports + ignored.size()) {
                throw new IllegalArgumentException("a scan accounts for every message: " + read + " read, " + reports
                        + " report(s), " + ignored.size() + " ignored");
            }
        }
    }
}
