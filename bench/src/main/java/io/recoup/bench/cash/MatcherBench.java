package io.recoup.bench.cash;

import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.matching.StatementMatcher;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement matcher alone: 100,000 receipts against 1,000,000 open items of 100,000 customers, in memory. Reports
 * receipts per second of {@code matchAll} (goal >= 200,000), the time to build the matcher's indexes, and as the
 * baseline the cheapest possible matcher over the same receipts: one hash lookup of the structured reference each.
 */
public final class MatcherBench {
    private static final int ROUNDS = 5;

    private MatcherBench() {
    }

    public static void run(PrintStream out, int customers, int payments) {
        CashData data = new CashData(customers, payments);
        List<ReceiptToMatch> receipts = data.receipts();
        double[] ours = new double[ROUNDS];
        double[] build = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        long allocated = 0;
        for (int round = -2; round < ROUNDS; round++) {
            long started = System.nanoTime();
            StatementMatcher matcher = new StatementMatcher(data.items, new Payers(data.items, data.ibans, Map.of()));
            long built = System.nanoTime();
            // the build's garbage is not the matcher's: collect it before the matcher is timed
            System.gc();
            long start = System.nanoTime();
            List<MatchResult> results = matcher.matchAll(receipts);
            long matched = System.nanoTime();
            long base = baseline(data.items, receipts);
            long baseDone = System.nanoTime();
            allocated = results.stream().filter(r -> !(r instanceof MatchResult.Unmatched)).count();
            if (round >= 0) {
                build[round] = (built - started) / 1e9;
                ours[round] = receipts.size() / ((matched - start) / 1e9);
                baseline[round] = receipts.size() / ((baseDone - matched) / 1e9);
            }
            if (base < 0) {
                throw new IllegalStateException("baseline found nothing");
            }
        }
        print(out, "items", String.valueOf(data.items.size()), customers + " customers");
        print(out, "receipts", String.valueOf(receipts.size()), allocated + " allocated by the matcher");
        print(out, "build-indexes-s", String.format("%.2f", median(build)), "median of " + ROUNDS);
        print(out, "matcher-receipts-per-s", String.format("%.0f", median(ours)), "goal >= 200000");
        print(out, "baseline-reference-lookup-per-s", String.format("%.0f", median(baseline)), "one hash lookup per receipt");
        print(out, "ratio-matcher-to-baseline", String.format("%.3f", median(ours) / median(baseline)), "");
    }

    private static long baseline(List<MatchableItem> items, List<ReceiptToMatch> receipts) {
        Map<String, MatchableItem> byReference = new HashMap<>(items.size() * 2);
        items.forEach(i -> byReference.put(i.creditorReference(), i));
        long found = 0;
        long started = System.nanoTime();
        for (ReceiptToMatch r : receipts) {
            if (!r.references().isEmpty() && byReference.get(r.references().get(0)) != null) {
                found++;
            }
        }
        return found + (System.nanoTime() - started > 0 ? 0 : -1);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static void print(PrintStream out, String name, String value, String note) {
        out.println("cash-application: " + name + " = " + value + (note.isEmpty() ? "" : " (" + note + ")"));
    }
}
