package io.recoup.bench.sepa;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The camt reader benchmark of issue 4: (a) a generated camt.053.001.08 with 100,000 entries, read by our
 * {@link CamtReader} and by a bare StAX pass (next() until END_DOCUMENT, counting Ntry start elements) in alternating
 * rounds after a warm-up, reporting the median entries per second of each and their ratio (goal ≥ 0.5); (b) a ~1 GB
 * camt.053 streamed to disk and read once by our reader while a background thread samples the used heap, reporting
 * the peak (goal ≤ 256 MB) next to the peak heap left after each garbage collection (the live data). Temp files are
 * deleted at the end. Each figure is printed as {@code camt-reader: <name> = <value> (<ratio or goal>)}.
 */
public final class CamtReaderBench {
    private static final int ENTRIES = 100_000;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final long ONE_GB = 1_000_000_000L;
    private static final double MB = 1024.0 * 1024.0;

    private CamtReaderBench() {
    }

    public static void run(PrintStream out) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("recoup-camt-bench");
            throughput(out, folder.resolve("camt053-100k.xml"));
            oneGigabyte(out, folder.resolve("camt053-1gb.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("camt reader benchmark failed", e);
        } finally {
            delete(folder);
        }
    }

    private static void throughput(PrintStream out, Path file) throws IOException {
        long entries = CamtFileGenerator.write(file, ENTRIES, Long.MAX_VALUE);
        print(out, "file-100k-entries-mb", String.format("%.1f", Files.size(file) / MB), entries + " entries");
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            ours(file);
            baseline(file);
        }
        double[] oursRate = new double[ROUNDS];
        double[] baseRate = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            oursRate[i] = rate(entries, () -> check(ours(file), entries));
            baseRate[i] = rate(entries, () -> check(baseline(file), entries));
        }
        double ours = median(oursRate);
        double base = median(baseRate);
        print(out, "ours-entries-per-s", String.format("%.0f", ours), "median of " + ROUNDS + " rounds");
        print(out, "stax-baseline-entries-per-s", String.format("%.0f", base), "median of " + ROUNDS + " rounds");
        print(out, "ratio-ours-to-baseline", String.format("%.2f", ours / base), "goal >= 0.5");
    }

    private static void oneGigabyte(PrintStream out, Path file) throws IOException {
        long started = System.nanoTime();
        long entries = CamtFileGenerator.write(file, Long.MAX_VALUE, ONE_GB);
        double generated = (System.nanoTime() - started) / 1e9;
        print(out, "file-1gb-mb", String.format("%.0f", Files.size(file) / MB),
                entries + " entries, generated in " + String.format("%.1f", generated) + " s");
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicLong peakAfterGc = new AtomicLong(0);
        NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                peakAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long readStart = System.nanoTime();
        long read = ours(file);
        double seconds = (System.nanoTime() - readStart) / 1e9;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(afterGc);
            } catch (javax.management.ListenerNotFoundException e) {
                // Added above to every collector; nothing to remove means nothing left listening.
                continue;
            }
        }
        check(read, entries);
        print(out, "file-1gb-entries-per-s", String.format("%.0f", read / seconds),
                read + " entries in " + String.format("%.1f", seconds) + " s");
        print(out, "file-1gb-peak-used-heap-mb", String.format("%.0f", peak.get() / MB),
                "goal <= 256, sampled every 5 ms, garbage included, max heap "
                        + String.format("%.0f", memory.getHeapMemoryUsage().getMax() / MB) + " MB");
        print(out, "file-1gb-peak-heap-after-gc-mb", String.format("%.0f", peakAfterGc.get() / MB),
                "goal <= 256, live data after each collection");
    }

    private static long ours(Path file) {
        long[] count = new long[1];
        CamtHandler counting = (statement, entry) -> count[0]++;
        try (InputStream in = Files.newInputStream(file)) {
            CamtSummary summary = new CamtReader().read(in, file.getFileName().toString(), counting);
            if (summary.hasProblems()) {
                throw new IllegalStateException("generated file has problems: " + summary.problems().get(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** The bare StAX pass: the JDK parser, next() until END_DOCUMENT, counting Ntry start elements. */
    private static long baseline(Path file) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            int event;
            do {
                event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "Ntry".equals(xml.getLocalName())) {
                    count++;
                }
            } while (event != XMLStreamConstants.END_DOCUMENT);
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("generated file is not well-formed", e);
        }
        return count;
    }

    private static double rate(long entries, Runnable reading) {
        long start = System.nanoTime();
        reading.run();
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    private static void check(long read, long expected) {
        if (read != expected) {
            throw new IllegalStateException("read " + read + " entries, the file has " + expected);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(PrintStream out, String name, String value, String note) {
        out.println("camt-reader: " + name + " = " + value + " (" + note + ")");
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's temp files in " + folder, e);
        }
    }
}
