package io.recoup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's busy CPU time so far (every process: the bench's JVM, PostgreSQL, the kernel's work for them),
 * read from Linux's {@code /proc/stat}; what a run spent is the difference of two readings. Where there is no
 * {@code /proc/stat} it reads -1, and a run says nothing about its CPU.
 */
public final class MachineCpu {
    private static final Path STAT = Path.of("/proc/stat");
    /** USER_HZ: the unit of /proc/stat on every Linux architecture Recoup runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private MachineCpu() {
    }

    /** Busy CPU seconds of all cores since boot (user, nice, system, irq, softirq, steal), or -1 when unknown. */
    public static double busySeconds() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String[] f = lines.get(0).trim().split("\\s+");
            if (!"cpu".equals(f[0]) || f.length < 9) {
                return -1;
            }
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }
}
