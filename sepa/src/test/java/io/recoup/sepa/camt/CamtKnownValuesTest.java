package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Values read by hand from the vendor files (line numbers refer to the files in the shared fixtures). */
class CamtKnownValuesTest {

    @Test
    void readsTheFinnishStatementsBatchBookingsAndRfReference() {
        CamtStatement statement = CamtFixtures.readAll("moov-FI_camt_053_sample.xml").statements().get(0);

        assertThat(statement.id()).isEqualTo("BANKSTMTID0972009");
        assertThat(statement.messageId()).isEqualTo("BANKFILEID00001");
        assertThat(statement.electronicSequenceNumber()).isEqualTo(120L);
        assertThat(statement.legalSequenceNumber()).isEqualTo(97L);
        assertThat(statement.accountIban()).isEqualTo("FI7433010001222090");
        assertThat(statement.accountCurrency()).isEqualTo("EUR");
        assertThat(statement.creationDateTime())
                .isEqualTo(new CamtDateTime(LocalDateTime.of(2009, 10, 30, 2, 0), ZoneOffset.ofHours(2)));
        assertThat(statement.balances()).extracting(CamtBalance::typeCode).containsExactly("OPBD", "PRCD", "CLBD", "CLAV");
        assertThat(statement.closingBooked().orElseThrow().amount()).isEqualByComparingTo("23644.83");

        CamtEntry salaryBatch = statement.entries().get(0);
        assertThat(salaryBatch.line()).isEqualTo(208);
        assertThat(salaryBatch.amount()).isEqualTo(new BigDecimal("1000.12"));
        assertThat(salaryBatch.direction()).isEqualTo(CreditDebit.DEBIT);
        assertThat(salaryBatch.batchCount()).isEqualTo(4);
        assertThat(salaryBatch.bankTransactionCode()).isEqualTo("PMNT/ICDT/SALA");
        assertThat(salaryBatch.proprietaryBankTransactionCode()).isEqualTo("NTRF+701TransactionCodeText");

        CamtEntry vendorBatch = statement.entries().get(2);
        assertThat(vendorBatch.transactions()).extracting(CamtTransaction::amount)
                .containsExactly(new BigDecimal("2000.02"), new BigDecimal("1000.01"), new BigDecimal("1230.02"));
        assertThat(vendorBatch.transactions().get(1).remittanceLines()).containsExactly("Invoices 123 and 321");

        CamtTransaction sepaCredit = statement.entries().get(8).transactions().get(0);
        assertThat(sepaCredit.endToEndId()).isEqualTo("EndToEndIdSCT01");
        assertThat(sepaCredit.creditorReference()).isEqualTo("RF98123456789012");
        // The sample's reference fails the mod-97 check (remainder 96): bank data must be validated, not trusted.
        assertThat(CreditorReference.isValid(sepaCredit.creditorReference())).isFalse();
        assertThat(sepaCredit.debtorName()).isEqualTo("DEBTOR");
    }

    @Test
    void readsTheFinnishNotificationsReturnsAndTheReversalMarkedForInformation() {
        CamtDocument document = CamtFixtures.readAll("moov-FI_camt_054_sample.xml");
        CamtEntry errors = document.entries().get(5);

        assertThat(errors.reversal()).isTrue();
        assertThat(errors.status()).isEqualTo("INFO");
        assertThat(errors.isBooked()).isFalse();
        assertThat(errors.direction()).isEqualTo(CreditDebit.CREDIT);
        assertThat(errors.transactions()).extracting(CamtTransaction::returnReasonCode).containsExactly("AC01", "CUST");
        assertThat(errors.transactions().get(0).returnInfo()).isEqualTo("1+TILIÄ EI LÖYDY");
        assertThat(errors.transactions().get(0).creditorReference()).isEqualTo("2345678917");
        assertThat(errors.transactions().get(0).amount()).isEqualByComparingTo("40.00");

        CamtTransaction twoInvoices = document.entries().get(0).transactions().get(0);
        assertThat(twoInvoices.creditorReferences()).containsExactly("3900", "12344");
        assertThat(twoInvoices.debtorName()).isEqualTo("PAYERS NAME1");

        CamtTransaction sepaCredit = document.entries().get(2).transactions().get(0);
        assertThat(sepaCredit.endToEndId()).isEqualTo("EndToEndIdAT-41-001");
        assertThat(sepaCredit.creditorReferences()).containsExactly("RF7812345", "RF0812344")
                .allMatch(CreditorReference::isValid);
    }

    @Test
    void readsThePostFinanceStatementsRefundReversalsAndReturnReasons() {
        CamtStatement statement = CamtFixtures.readAll("camtparser-053-v4-postfinance-returns-rvsl.xml").statements().get(0);

        assertThat(statement.accountIban()).isEqualTo("CH0309000000250090342");
        assertThat(statement.entries()).filteredOn(CamtEntry::reversal).extracting(CamtEntry::index).containsExactly(12, 13);
        assertThat(statement.entries()).flatExtracting(CamtEntry::transactions)
                .filteredOn(CamtTransaction::isReturn).extracting(CamtTransaction::returnReasonCode)
                .containsExactly("NARR", "NARR", "NARR", "MD06", "MD06");

        CamtEntry refund = statement.entries().get(11);
        assertThat(refund.line()).isEqualTo(1907);
        assertThat(refund.amount()).isEqualTo(new BigDecimal("6.00"));
        assertThat(refund.signedAmount()).isEqualByComparingTo("-6.00");
        assertThat(refund.bankTransactionCode()).isEqualTo("PMNT/IDDT/PRDD");
        CamtTransaction refunded = refund.transactions().get(0);
        assertThat(refunded.endToEndId()).isEqualTo("EndToEnd-2B6C-CHDDBB5");
        assertThat(refunded.returnReasonCode()).isEqualTo("MD06");
        assertThat(refunded.debtorIban()).isEqualTo("CH3709000000250094580");
        assertThat(Iban.isValid(refunded.debtorIban())).isTrue();

        CamtEntry esrBatch = statement.entries().get(6);
        assertThat(esrBatch.entryReference()).isEqualTo("010000004");
        assertThat(esrBatch.batchCount()).isEqualTo(10);
        assertThat(esrBatch.bookingDate()).isEqualTo(LocalDate.of(2016, 5, 27));
        assertThat(esrBatch.valueDate()).isEqualTo(LocalDate.of(2016, 5, 30));
        assertThat(esrBatch.transactions()).hasSize(10)
                .extracting(CamtTransaction::amount).map(BigDecimal::toPlainString)
                .containsExactly("100.00", "50.00", "200.00", "50.00", "100.00", "200.00", "50.00", "100.00", "50.00", "100.00");
    }

    @Test
    void readsTheGermanIntradayReportOfADirectDebitReturn() {
        CamtDocument document = CamtFixtures.readAll("hbci4java-camt052-ruecklastschrift-sdd-return.xml");
        CamtStatement report = document.statements().get(0);
        CamtTransaction returned = report.entries().get(0).transactions().get(0);

        assertThat(report.messageType()).isEqualTo("camt.052");
        assertThat(report.id()).isEqualTo("camt052_ONLINEBA");
        assertThat(report.electronicSequenceNumber()).isZero();
        assertThat(report.entries().get(0).additionalInfo()).isEqualTo("LS RUECKBELASTUNG");
        assertThat(report.entries().get(0).bankTransactionCode()).isNull();
        assertThat(returned.mandateId()).isEqualTo("TEST1234");
        assertThat(returned.returnReasonCode()).isEqualTo("MS03");
        assertThat(returned.returnInfo()).isEqualTo("RUECKLASTSCHRIFT Sonstige Gruende");
        // The instructed amount is all this bank gives; the 3.00 charge is not the transaction amount.
        assertThat(returned.amount()).isEqualByComparingTo("50.00");
        assertThat(returned.debtorName()).isEqualTo("Sven Schuldner");
        assertThat(returned.creditorName()).isEqualTo("Erwin Einzieher");
        assertThat(returned.creditorIban()).isEqualTo("DEE1234567890");
    }

    @Test
    void readsTheReturnedCreditTransferNotifiedAsReversal() {
        CamtEntry entry = CamtFixtures.readAll("moov-postfinance-camt054-returns-rvsl.xml").entries().get(0);
        CamtTransaction returned = entry.transactions().get(0);

        assertThat(entry.reversal()).isTrue();
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/ICDT/RRTN");
        assertThat(entry.amount()).isEqualByComparingTo("500.00");
        assertThat(returned.endToEndId()).isEqualTo("EndToEndId-001-03-04");
        assertThat(returned.returnReasonCode()).isEqualTo("AC01");
        assertThat(returned.returnInfo()).isEqualTo("Kontonummer falsch");
        assertThat(returned.debtorIban()).isEqualTo("CH8709000000929471495");
        assertThat(returned.direction()).isEqualTo(CreditDebit.CREDIT);
    }

    @Test
    void readsTheVolksbankMandateAndTheTransactionAmountsOfABatch() {
        CamtStatement statement = CamtFixtures.readAll("camtparser-053-de-volksbank-sdd.xml").statements().get(0);
        CamtTransaction first = statement.entries().get(0).transactions().get(0);

        assertThat(first.mandateId()).isEqualTo("MandateReference");
        assertThat(first.endToEndId()).isEqualTo("EndToEndReference");
        assertThat(first.debtorIban()).isEqualTo("DE24302201900609832118");
        assertThat(first.amount()).as("no amount in this TxDtls, and none copied from the entry").isNull();
        assertThat(statement.entries().get(3).transactions()).extracting(CamtTransaction::amount)
                .containsExactly(new BigDecimal("3.50"), new BigDecimal("2.50"));
        assertThat(statement.openingBooked().orElseThrow().typeCode()).isEqualTo("PRCD");
    }

    @Test
    void readsTheVersionEightPartyWrapperAndStatusCode() {
        CamtEntry entry = CamtFixtures.readAll("genkgo-camt053.v8.xml").entries().get(0);
        CamtTransaction transaction = entry.transactions().get(0);

        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).as("from BookgDt/DtTm").isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(transaction.debtorName()).isEqualTo("NAME NAME");
        assertThat(transaction.creditorName()).isEqualTo("Company Name");
        assertThat(transaction.amount()).isEqualTo(new BigDecimal("0"));
        assertThat(transaction.currency()).isEqualTo("SEK");
    }

    @Test
    void readsTheLithuanianBatchesWithoutStatusAndBalancesWithoutIndicator() {
        CamtDocument document = CamtFixtures.readAll("subite-LT625883379695428516-camt053-2024-03-07.xml");
        CamtStatement first = document.statements().get(0);

        assertThat(first.accountIban()).isNull();
        assertThat(first.accountId()).isEqualTo("LT625883379695428516");
        assertThat(first.openingBooked().orElseThrow().amount()).isEqualByComparingTo("21081222.58");
        assertThat(first.entries().get(0).batchCount()).isEqualTo(86);
        assertThat(first.entries().get(0).status()).isNull();
        assertThat(first.entries().get(0).isBooked()).isTrue();
        assertThat(first.entries().get(0).proprietaryBankTransactionCode()).isEqualTo("ATSISK");
        assertThat(first.entries().get(1).amount()).isEqualTo(new BigDecimal("0.2"));
        assertThat(document.statements().get(1).entries()).isEmpty();
    }

    @Test
    void readsAStatementWrappedInAnEnvelopeWithBusinessApplicationHeader() {
        CamtStatement statement = CamtFixtures.readAll("prowide-camt.053.001.07.xml").statements().get(0);

        assertThat(statement.version()).isEqualTo("001.07");
        assertThat(statement.accountOtherId()).isEqualTo("2345234534");
        assertThat(statement.balances()).extracting(CamtBalance::typeCode).containsExactly("OPAV", "ITBD");
        assertThat(statement.balance("ITBD").orElseThrow().amount()).isEqualByComparingTo("234299");
        assertThat(statement.creationDateTime()).isNull();
    }
}
