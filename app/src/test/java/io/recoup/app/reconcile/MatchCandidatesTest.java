package io.recoup.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.csv.CsvOpenItemSource;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.matching.MatchCandidates;
import io.recoup.core.matching.MatchResult;
import io.recoup.core.matching.MatchableItem;
import io.recoup.core.matching.Payers;
import io.recoup.core.matching.ReceiptToMatch;
import io.recoup.core.matching.StatementMatcher;
import io.recoup.routes.receive.StatementReceipts;
import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtHandler;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run over a few receipts reads only the items they can reach ({@link MatchCandidates}). On the messy data set, a
 * matcher over those items alone must give every receipt exactly the result (allocations, reasons, candidates) the
 * matcher over the whole ledger gives, while reading a small part of it.
 */
class MatchCandidatesTest {
    private static final Path DATA = Path.of("src/test/resources/reconcile/messy");
    private static List<MatchableItem> items;
    private static Map<String, Set<String>> ibans;
    private static List<ReceiptToMatch> receipts;

    @BeforeAll
    static void readTheMessyDataSet() throws IOException {
        List<LedgerRecord> ledger;
        try (InputStream in = Files.newInputStream(DATA.resolve("ledger.csv"))) {
            ledger = new CsvOpenItemSource("csv", ZoneId.of("UTC")).read("ledger.csv", in).records();
        }
        items = OfflineReconciliation.items(ledger);
        ibans = OfflineReconciliation.ibans(ledger);
        List<StatementReceipts.Received> credits = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DATA.resolve("statement.xml"))) {
            new CamtReader().read(in, "statement.xml", new CamtHandler() {
                @Override
                public void onStatement(CamtStatement header) {
                    // entries carry their statement
                }

                @Override
                public void onEntry(CamtStatement header, CamtEntry entry) {
                    credits.addAll(StatementReceipts.received(header, entry));
                }
            });
        }
        receipts = OfflineReconciliation.receipts(credits);
    }

    @Test
    void theCandidatesAloneGiveEveryReceiptTheResultTheWholeLedgerGivesTenReceiptsAtATime() {
        assertThat(receipts).hasSizeGreaterThan(300);
        int mostRead = 0;
        for (int from = 0; from < receipts.size(); from += 10) {
            List<ReceiptToMatch> few = receipts.subList(from, Math.min(receipts.size(), from + 10));
            List<MatchableItem> candidates = candidates(few);

            assertThat(matched(candidates, few)).as("receipts %d to %d", from + 1, from + few.size())
                    .isEqualTo(new StatementMatcher(items, new Payers(items, ibans, Map.of())).matchAll(few));
            mostRead = Math.max(mostRead, candidates.size());
        }
        assertThat(mostRead).as("items read for ten receipts, of %d", items.size()).isLessThan(items.size() / 5);
    }

    @Test
    void theCandidatesOfTheWholeStatementGiveTheResultsOfTheWholeLedger() {
        assertThat(matched(candidates(receipts), receipts))
                .isEqualTo(new StatementMatcher(items, new Payers(items, ibans, Map.of())).matchAll(receipts));
    }

    private static List<MatchableItem> candidates(List<ReceiptToMatch> few) {
        MatchCandidates wanted = MatchCandidates.of(few, payers());
        return items.stream().filter(wanted::wants).toList();
    }

    private static List<MatchResult> matched(List<MatchableItem> candidates, List<ReceiptToMatch> few) {
        return new StatementMatcher(candidates, payers()).matchAll(few);
    }

    /** Payers from every customer with something open, as the store reads them, not from the candidates. */
    private static Payers payers() {
        return Payers.ofCustomers(items.stream().collect(Collectors.toMap(MatchableItem::customer, MatchableItem::customerName,
                (one, same) -> one)), ibans);
    }
}
