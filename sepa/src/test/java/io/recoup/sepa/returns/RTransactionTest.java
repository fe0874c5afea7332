package io.recoup.sepa.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.sepa.camt.CamtDocument;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.pain002.Pain002Reader;
import io.recoup.sepa.pain002.Pain002Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-transactions found in the real camt files with returns and in the pain.002 reject, with their actions. */
class RTransactionTest {

    private static List<RTransaction> fromCamt(String name) {
        Path file = Path.of(System.getProperty("recoup.fixtures"), "camt", name);
        try (InputStream in = Files.newInputStream(file)) {
            CamtDocument document = new CamtReader().readAll(in, name);
            assertThat(document.problems()).isEmpty();
            return document.entries().stream().flatMap(entry -> RTransaction.fromEntry(entry).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void findsTheMs03DirectDebitReturnOfTheGermanCamt052() {
        List<RTransaction> returns = fromCamt("hbci4java-camt052-ruecklastschrift-sdd-return.xml");

        assertThat(returns).containsExactly(new RTransaction(RTransaction.Source.CAMT_RETURN, null, "MS03",
                new BigDecimal("50.00"), "EUR", "TEST1234", LocalDate.of(2021, 3, 26), "RUECKLASTSCHRIFT Sonstige Gruende"));
        assertThat(ReturnReasonPolicy.decide(returns.get(0)).action()).isEqualTo(ReturnAction.RE_PRESENT_ONCE);
        assertThat(returns.get(0).collectionId()).isEmpty();
    }

    @Test
    void findsThePostFinanceReturnsWithAc01() {
        assertThat(fromCamt("moov-postfinance-camt054-returns.xml"))
                .extracting(RTransaction::endToEndId, RTransaction::reasonCode, RTransaction::amount, RTransaction::currency)
                .containsExactly(tuple("EndToEndId-004-01-01", "AC01", new BigDecimal("400.00"), "CHF"));
        assertThat(fromCamt("moov-postfinance-camt054-returns-rvsl.xml"))
                .extracting(RTransaction::endToEndId, RTransaction::reasonCode)
                .containsExactly(tuple("EndToEndId-001-03-04", "AC01"));
    }

    @Test
    void findsTheRefundsAndReturnsOfThePostFinanceStatement() {
        List<RTransaction> returns = fromCamt("camtparser-053-v4-postfinance-returns-rvsl.xml");

        assertThat(returns).extracting(RTransaction::reasonCode, r -> ReturnReasonPolicy.decide(r).action())
                .containsExactly(tuple("NARR", ReturnAction.NEEDS_PERSON), tuple("NARR", ReturnAction.NEEDS_PERSON),
                        tuple("NARR", ReturnAction.NEEDS_PERSON), tuple("MD06", ReturnAction.REOPEN_ITEM),
                        tuple("MD06", ReturnAction.REOPEN_ITEM));
        assertThat(returns.get(3).endToEndId()).isEqualTo("EndToEnd-2B6C-CHDDBB5");
        assertThat(returns.get(4).amount()).isEqualByComparingTo("15.53");
    }

    @Test
    void findsTheFinnishReturnsWithIsoAndUnknownCodes() {
        assertThat(fromCamt("moov-FI_camt_054_sample.xml"))
                .extracting(RTransaction::reasonCode, RTransaction::amount, r -> ReturnReasonPolicy.decide(r).action())
                .containsExactly(tuple("AC01", new BigDecimal("40.00"), ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK),
                        tuple("CUST", new BigDecimal("60.00"), ReturnAction.NEEDS_PERSON));
    }

    @Test
    void turnsThePain002RejectIntoAnRTransactionWithAc01() throws IOException {
        Path file = Path.of(System.getProperty("recoup.fixtures"), "pain008", "moov-postfinance-pain002-rjct.xml");
        Pain002Report report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new Pain002Reader().read(in, "rjct");
        }

        List<RTransaction> rejects = report.transactions().stream()
                .flatMap(status -> RTransaction.fromStatus(status).stream()).toList();

        assertThat(rejects).containsExactly(new RTransaction(RTransaction.Source.PAIN002_REJECT, "EndToEndId-006-01-01",
                "AC01", null, null, null, null, "1301813;Konto ungültig"));
        assertThat(ReturnReasonPolicy.decide(rejects.get(0)).action())
                .isEqualTo(ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK);
    }

    @Test
    void mapsRecoupsOwnRejectsBackToTheirCollections() {
        Pain002Report report;
        try (InputStream in = RTransactionTest.class.getResourceAsStream("/pain002/iso-001.03-rejects/report.xml")) {
            report = new Pain002Reader().read(in, "own");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<RTransaction> rejects = report.rejections().stream()
                .flatMap(status -> RTransaction.fromStatus(status).stream()).toList();

        assertThat(rejects).extracting(r -> r.collectionId().orElseThrow(), r -> r.attempt().getAsInt(),
                r -> ReturnReasonPolicy.decide(r).action()).containsExactly(
                tuple("A1", 1, ReturnAction.RE_PRESENT_ONCE),
                tuple("A3", 2, ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK),
                tuple("A4", 1, ReturnAction.STOP_MANDATE_AND_OFFER_PAYMENT_LINK));
        assertThat(ReturnReasonPolicy.decide(rejects.get(1)).explanation())
                .isEqualTo("MS03: reason not specified (agent generated); second failure after a re-presentation");
    }
}
