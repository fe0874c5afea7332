package io.recoup.routes.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.sepa.Iban;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateState;
import io.recoup.sepa.mandate.SequenceType;
import io.recoup.sepa.pain008.DirectDebit;
import io.recoup.sepa.pain008.Pain008Document;
import io.recoup.sepa.pain008.Pain008Reader;
import io.recoup.sepa.pain008.Pain008Version;
import io.recoup.sepa.pain008.SchemaSource;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct-debit lifecycle as a timeline: 2 March 2026 the item due 16 March is taken in and pre-notified, 12 March
 * (two TARGET days before) the pain.008 is written, 17 March the collection settles; then rejects, returns and
 * refunds arrive as the bank would send them.
 */
class DirectDebitIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final Path FIXTURES = Path.of(System.getProperty("recoup.fixtures"));
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final LocalDate DUE = LocalDate.of(2026, 3, 16);
    static final LocalDate SUBMISSION = LocalDate.of(2026, 3, 12);
    static final OpenItemKey ITEM = new OpenItemKey("csv", "1");

    @TempDir
    Path home;
    DirectDebitFixture recoup;
    long mandateId;

    @AfterEach
    void stop() {
        if (recoup != null) {
            recoup.close();
        }
    }

    /** An instance validating against the official XSDs of the shared fixtures, with one item due on 16 March. */
    private void start(SchemaSource schemas) {
        recoup = new DirectDebitFixture(home, DAY, mail.getSmtp().getPort(), schemas);
        recoup.ingest(DAY, "1,INV-1,C1,Acme Ltd,ap@acme.example,en,2026-02-01," + DUE + ",EUR,100.00,\n");
        mandateId = recoup.mandate("C1", "MANDATE-1", DAY.minusMonths(1));
    }

    private void start() {
        start(SchemaSource.directory(FIXTURES.resolve("xsd")));
    }

    @Test
    void preNotifiesFourteenDaysAheadWritesOneValidPain008OnTheSubmissionDayAndDoesNothingTwice() throws Exception {
        start();
        DirectDebitFixture.Day first = recoup.runDay(DAY);
        DirectDebitFixture.Day again = recoup.runDay(DAY);

        assertThat(first.sepa().collect().picked()).singleElement().isEqualTo(
                new DirectDebitReports.Picked("RCP-C1-1", "INV-1", "EUR 100.00", DUE));
        assertThat(first.sepa().collect().notified()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo("SENT"));
        assertThat(again.sepa().collect().picked()).isEmpty();
        assertThat(again.sepa().collect().notified()).isEmpty();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("Acme Ltd <ap@acme.example>");
        assertThat(received[0].getSubject()).isEqualTo("SEPA direct debit on Mar 16, 2026: EUR 100.00 for INV-1");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Amount:                 EUR 100.00")
                .contains("Due date:               Mar 16, 2026").contains("Mandate reference:      MANDATE-1")
                .contains("Creditor identifier:    DE98ZZZ09999999999").contains("DE02 **** 2051");
        Map<String, Object> row = recoup.jdbc.queryForMap("select status, requested_collection_date, pre_notified_on from collection");
        assertThat(row).containsEntry("status", "PRE_NOTIFIED");
        LocalDate notifiedOn = ((java.sql.Date) row.get("pre_notified_on")).toLocalDate();
        LocalDate collectedOn = ((java.sql.Date) row.get("requested_collection_date")).toLocalDate();
        assertThat(ChronoUnit.DAYS.between(notifiedOn, collectedOn)).isGreaterThanOrEqualTo(14);
        assertThat(recoup.jdbc.queryForObject("select count(*) from hold where released_at is null and created_by = 'sepa-direct-debit'",
                Integer.class)).isEqualTo(1);

        assertThat(recoup.runDay(SUBMISSION.minusDays(1)).sepa().collect().files()).isEmpty();
        DirectDebitFixture.Day submitted = recoup.runDay(SUBMISSION);
        DirectDebitFixture.Day submittedAgain = recoup.runDay(SUBMISSION);

        DirectDebitReports.Submitted file = submitted.sepa().collect().files().get(0);
        assertThat(submitted.sepa().collect().files()).hasSize(1);
        assertThat(file.endToEndIds()).containsExactly("RCP-C1-1");
        assertThat(file.controlSum()).isEqualTo("100.00");
        assertThat(submittedAgain.sepa().collect().files()).isEmpty();
        try (Stream<Path> outbox = Files.list(recoup.folder("sepa/outbox"))) {
            assertThat(outbox.map(p -> p.getFileName().toString())).containsExactly(file.fileName());
        }
        Path written = recoup.folder("sepa/outbox").resolve(file.fileName());
        assertThatCode(() -> officialXsd().newValidator().validate(new StreamSource(written.toFile()))).doesNotThrowAnyException();
        Pain008Document document;
        try (InputStream in = Files.newInputStream(written)) {
            document = new Pain008Reader().read(in, file.fileName());
        }
        assertThat(document.problems()).isEmpty();
        assertThat(document.version()).isEqualTo(Pain008Version.V08);
        assertThat(document.payments().get(0).creditor().creditorId()).isEqualTo(DirectDebitFixture.CI);
        DirectDebit debit = document.debits().get(0);
        assertThat(document.debits()).hasSize(1);
        assertThat(debit.endToEndId().value()).isEqualTo("RCP-C1-1");
        assertThat(debit.amount().value()).isEqualByComparingTo("100.00");
        assertThat(debit.mandateReference().value()).isEqualTo("MANDATE-1");
        assertThat(debit.sequenceType()).isEqualTo(SequenceType.FRST);
        assertThat(debit.collectionDate()).isEqualTo(DUE);
        assertThat(debit.debtor().iban().value()).isEqualTo(DirectDebitFixture.DEBTOR_IBAN);
        assertThat(recoup.jdbc.queryForMap("select status, content from pain008_file"))
                .containsEntry("status", "WRITTEN").containsEntry("content", Files.readString(written));
        assertThat(recoup.jdbc.queryForMap("select status, sequence_type, file_name from collection"))
                .containsEntry("status", "SUBMITTED").containsEntry("sequence_type", "FRST").containsEntry("file_name", file.fileName());
        Mandate mandate = recoup.sepa.mandates().get(mandateId).mandate();
        assertThat(mandate.state()).isEqualTo(MandateState.ACTIVE);
        assertThat(mandate.lastCollectionDate()).isEqualTo(DUE);
        assertThat(mandate.nextCollection(DUE.plusMonths(1), false).sequenceType()).isEqualTo(SequenceType.RCUR);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anAmendedMandateReportsItsAmendmentInTheNextFileAndIsClearedByIt() throws Exception {
        start();
        Mandate signed = recoup.sepa.mandates().get(mandateId).mandate();
        recoup.sepa.mandates().update(mandateId, signed.amendIban(Iban.parse("DE12500105170648489890"), null));
        recoup.runDay(DAY);
        DirectDebitReports.Submitted file = recoup.runDay(SUBMISSION).sepa().collect().files().get(0);

        DirectDebit debit;
        try (InputStream in = Files.newInputStream(recoup.folder("sepa/outbox").resolve(file.fileName()))) {
            debit = new Pain008Reader().read(in, file.fileName()).debits().get(0);
        }
        assertThat(debit.debtor().iban().value()).isEqualTo("DE12500105170648489890");
        assertThat(debit.amendment()).isNotNull();
        assertThat(debit.amendment().debtorBankChanged()).isTrue();
        assertThat(debit.sequenceType()).isEqualTo(SequenceType.FRST);
        Mandate after = recoup.sepa.mandates().get(mandateId).mandate();
        assertThat(after.state()).isEqualTo(MandateState.ACTIVE);
        assertThat(after.pendingAmendment()).isNull();
        assertThat(after.debtorIban().value()).isEqualTo("DE12500105170648489890");
    }

    @Test
    void aBlockLevelRejectReachesTheBlockOfItsOwnFileOnlyEvenWhenAnotherFileUsesTheSameBlockId() {
        start();
        recoup.runDay(DAY);
        recoup.runDay(SUBMISSION);
        String messageId = recoup.jdbc.queryForObject("select message_id from pain008_file", String.class);
        String block = recoup.jdbc.queryForObject("select payment_information_id from collection", String.class);
        recoup.drop("sepa/status-inbox", "other-file.xml", BankFiles.pain002Block("SOME-OTHER-FILE", block, "AC04"));

        DirectDebitFixture.Day other = recoup.runDay(SUBMISSION.plusDays(1));

        assertThat(other.sepa().statusImports()).singleElement().satisfies(i -> assertThat(i.handled()).isEmpty());
        assertThat(recoup.jdbc.queryForObject("select status from collection", String.class)).isEqualTo("SUBMITTED");

        recoup.drop("sepa/status-inbox", "own-file.xml", BankFiles.pain002Block(messageId, block, "AC04"));
        DirectDebitFixture.Day own = recoup.runDay(SUBMISSION.plusDays(1));

        assertThat(own.sepa().statusImports()).singleElement().satisfies(i -> assertThat(i.handled())
                .extracting(DirectDebitReports.Handled::outcome).containsExactly("REJECTED"));
        assertThat(recoup.jdbc.queryForObject("select status from collection", String.class)).isEqualTo("REJECTED");
    }

    @Test
    void aRejectForAClosedAccountStopsTheMandateAndHandsTheItemBackToTheCollectionRule() {
        start();
        recoup.runDay(DAY);
        recoup.runDay(SUBMISSION);
        String report = BankFiles.pain002(recoup.jdbc.queryForObject("select message_id from pain008_file", String.class),
                recoup.jdbc.queryForObject("select payment_information_id from collection", String.class), "RCP-C1-1", "RJCT", "AC04");
        recoup.drop("sepa/status-inbox", "status-1.xml", report);

        DirectDebitFixture.Day rejected = recoup.runDay(SUBMISSION.plusDays(1));

        assertThat(rejected.cycle().plan().paused()).isEqualTo(1);
        assertThat(rejected.cycle().dispatch().actions()).isEmpty();
        assertThat(rejected.sepa().statusImports()).singleElement().satisfies(i -> assertThat(i.handled()).containsExactly(
                new DirectDebitReports.Handled("RCP-C1-1", "REJECTED", "AC04", "STOP_MANDATE_AND_OFFER_PAYMENT_LINK",
                        "AC04: account closed")));
        assertThat(recoup.jdbc.queryForMap("select status, reason_code, reason from collection"))
                .containsEntry("status", "REJECTED").containsEntry("reason_code", "AC04").containsEntry("reason", "AC04: account closed");
        assertThat(recoup.sepa.mandates().get(mandateId).mandate().state()).isEqualTo(MandateState.FAILED);
        assertThat(recoup.jdbc.queryForMap("select status, open_amount from open_item"))
                .containsEntry("status", "OPEN").containsEntry("open_amount", new BigDecimal("100.0000"));
        assertThat(recoup.jdbc.queryForObject("select count(*) from hold where released_at is null", Integer.class)).isZero();
        assertThat(events(ITEM)).anySatisfy(e -> {
            assertThat(e).containsEntry("what", "direct debit RCP-C1-1 rejected: AC04");
            assertThat((String) e.get("why")).startsWith("AC04: account closed; mandate MANDATE-1 stopped");
        });
        assertThat(events("mandate", mandateId)).extracting(e -> e.get("what")).containsExactly("stopped (ACTIVE -> FAILED)");

        recoup.drop("sepa/status-inbox", "status-2.xml", report);
        DirectDebitFixture.Day replay = recoup.runDay(SUBMISSION.plusDays(1));
        assertThat(replay.sepa().statusImports()).singleElement().satisfies(i -> assertThat(i.handled())
                .extracting(DirectDebitReports.Handled::outcome).containsExactly("ALREADY_HANDLED"));

        DirectDebitFixture.Day due = recoup.runDay(DUE);
        assertThat(due.sepa().settled()).isEmpty();
        assertThat(due.cycle().dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::stepId,
                DispatchReport.Dispatched::status).containsExactly(org.assertj.core.groups.Tuple.tuple("INV-1", "due-email", "SENT"));
        assertThat(recoup.jdbc.queryForObject("select count(*) from collection", Integer.class)).isEqualTo(1);
    }

    @Test
    void anInsufficientFundsReturnIsPresentedOnceMoreAndASecondOneStopsTheMandate() throws Exception {
        start();
        recoup.runDay(DAY);
        recoup.runDay(SUBMISSION);
        DirectDebitFixture.Day settled = recoup.runDay(DUE.plusDays(1));
        assertThat(settled.sepa().settled()).containsExactly(new DirectDebitReports.Settled("RCP-C1-1", "INV-1", "EUR 100.00", "MATCHED"));
        assertThat(recoup.jdbc.queryForObject("select status from open_item", String.class)).isEqualTo("PAID");
        assertThat(recoup.jdbc.queryForObject("select rule from allocation", String.class)).isEqualTo("sepa direct debit RCP-C1-1");
        assertThat(recoup.runDay(DUE.plusDays(1)).sepa().settled()).isEmpty();
        assertThat(recoup.jdbc.queryForObject("select count(*) from posting", Integer.class)).isEqualTo(1);

        LocalDate returnedOn = LocalDate.of(2026, 3, 18);
        recoup.drop("statements/inbox", "s1.xml", BankFiles.camtReturn("S1", returnedOn, "RCP-C1-1", "MANDATE-1", "100.00", "AM04"));
        DirectDebitFixture.Day returned = recoup.runDay(returnedOn);

        assertThat(returned.cycle().imports()).singleElement().satisfies(i -> assertThat(i.ignoredEntries()).isEqualTo(1));
        assertThat(recoup.jdbc.queryForList("select end_to_end_id, attempt, status, reason_code, action, requested_collection_date::text as day "
                        + "from collection order by id"))
                .extracting(r -> r.get("end_to_end_id") + " " + r.get("attempt") + " " + r.get("status") + " " + r.get("reason_code")
                        + " " + r.get("action") + " " + r.get("day"))
                .containsExactly("RCP-C1-1 1 RETURNED AM04 RE_PRESENT_ONCE 2026-03-16",
                        "RCP-C1-2 2 PRE_NOTIFIED null null 2026-04-01");
        assertThat(recoup.jdbc.queryForMap("select status, open_amount from open_item"))
                .containsEntry("status", "OPEN").containsEntry("open_amount", new BigDecimal("100.0000"));
        assertThat(events(ITEM)).anySatisfy(e -> {
            assertThat(e).containsEntry("what", "direct debit RCP-C1-1 returned: AM04");
            assertThat((String) e.get("why")).contains("AM04: insufficient funds").contains("EUR 100.00 taken back")
                    .contains("presented again as RCP-C1-2 on 2026-04-01");
        });
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getSubject()).isEqualTo("SEPA direct debit on Apr 1, 2026: EUR 100.00 for INV-1");
        assertThat(GreenMailUtil.getBody(received[1])).contains("Mandate reference:      MANDATE-1");

        DirectDebitReports.Submitted second = recoup.runDay(LocalDate.of(2026, 3, 30)).sepa().collect().files().get(0);
        assertThat(second.endToEndIds()).containsExactly("RCP-C1-2");
        try (InputStream in = Files.newInputStream(recoup.folder("sepa/outbox").resolve(second.fileName()))) {
            assertThat(new Pain008Reader().read(in, second.fileName()).debits()).singleElement()
                    .satisfies(d -> assertThat(d.sequenceType()).isEqualTo(SequenceType.RCUR));
        }
        assertThat(recoup.runDay(LocalDate.of(2026, 4, 2)).sepa().settled()).extracting(DirectDebitReports.Settled::endToEndId)
                .containsExactly("RCP-C1-2");

        LocalDate secondReturn = LocalDate.of(2026, 4, 7);
        recoup.drop("statements/inbox", "s2.xml", BankFiles.camtReturn("S2", secondReturn, "RCP-C1-2", "MANDATE-1", "100.00", "AM04"));
        recoup.runDay(secondReturn);

        assertThat(recoup.jdbc.queryForMap("select status, action, reason from collection where attempt = 2"))
                .containsEntry("status", "RETURNED").containsEntry("action", "STOP_MANDATE_AND_OFFER_PAYMENT_LINK")
                .containsEntry("reason", "AM04: insufficient funds; second failure after a re-presentation");
        assertThat(recoup.sepa.mandates().get(mandateId).mandate().state()).isEqualTo(MandateState.FAILED);
        assertThat(recoup.jdbc.queryForMap("select status, open_amount from open_item"))
                .containsEntry("status", "OPEN").containsEntry("open_amount", new BigDecimal("100.0000"));
        assertThat(recoup.jdbc.queryForObject("select count(*) from collection", Integer.class)).isEqualTo(2);
        assertThat(recoup.jdbc.queryForObject("select count(*) from hold where released_at is null", Integer.class)).isZero();
        // back with the reminders: the default policy's WhatsApp step reaches the customer by e-mail (no WhatsApp here)
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(mail.getReceivedMessages()[2].getSubject()).isEqualTo("Overdue: INV-1");
    }

    @Test
    void aRefundReopensTheSettledItemOnceAndKeepsTheMandate() throws Exception {
        start();
        recoup.runDay(DAY);
        recoup.runDay(SUBMISSION);
        recoup.drop("sepa/status-inbox", "accepted.xml", BankFiles.pain002(
                recoup.jdbc.queryForObject("select message_id from pain008_file", String.class),
                recoup.jdbc.queryForObject("select payment_information_id from collection", String.class), "RCP-C1-1", "ACCP", null));
        assertThat(recoup.runDay(SUBMISSION.plusDays(1)).sepa().statusImports()).singleElement()
                .satisfies(i -> assertThat(i.accepted()).isEqualTo(1));
        assertThat(recoup.jdbc.queryForObject("select status from collection", String.class)).isEqualTo("ACCEPTED");
        recoup.runDay(DUE.plusDays(1));
        assertThat(recoup.jdbc.queryForObject("select status from open_item", String.class)).isEqualTo("PAID");

        LocalDate refundedOn = LocalDate.of(2026, 4, 20);
        String statement = BankFiles.camtReturn("S9", refundedOn, "RCP-C1-1", "MANDATE-1", "100.00", "MD06");
        recoup.drop("statements/inbox", "s9.xml", statement);
        recoup.runDay(refundedOn);
        recoup.drop("statements/inbox", "s9-again.xml", statement);
        recoup.runDay(refundedOn);

        assertThat(recoup.jdbc.queryForMap("select status, reason_code, action from collection"))
                .containsEntry("status", "RETURNED").containsEntry("reason_code", "MD06").containsEntry("action", "REOPEN_ITEM");
        assertThat(recoup.jdbc.queryForMap("select status, open_amount from open_item"))
                .containsEntry("status", "OPEN").containsEntry("open_amount", new BigDecimal("100.0000"));
        assertThat(recoup.sepa.mandates().get(mandateId).mandate().state()).isEqualTo(MandateState.ACTIVE);
        assertThat(recoup.jdbc.queryForObject("select count(*) from collection", Integer.class)).isEqualTo(1);
        assertThat(events(ITEM)).filteredOn(e -> e.get("what").equals("direct debit RCP-C1-1 returned: MD06")).singleElement()
                .satisfies(e -> assertThat((String) e.get("why")).startsWith(
                        "MD06: refund requested by the debtor (authorised collection); EUR 100.00 taken back"));
        // the pre-notification, then, the item open again and past the default policy's legal letter (due+30), which may
        // not be its first contact: the onboarding reminder by e-mail, giving 14 days
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(mail.getReceivedMessages()[1].getSubject()).isEqualTo("Final reminder: INV-1, please pay by May 4, 2026");
        // the payment posted back at settlement is taken back in the ledger once, even though the statement came twice
        String payment = "RCP-" + recoup.jdbc.queryForObject("select id from installation", String.class) + "-1";
        assertThat(recoup.jdbc.queryForList("select document_number || ' ' || kind || ' ' || status from posting order by id", String.class))
                .containsExactly(payment + " PAYMENT POSTED", payment + "-R REVERSAL POSTED");
        assertThat(paymentLines()).anySatisfy(l -> assertThat(l).startsWith(payment + ",")).anySatisfy(l -> assertThat(l).startsWith(payment + "-R,")
                .contains(",-100.00,EUR,"));
    }

    private List<String> paymentLines() {
        try (var files = java.nio.file.Files.list(recoup.folder("ledger/payments"))) {
            List<String> lines = new java.util.ArrayList<>();
            for (java.nio.file.Path f : files.sorted().toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(f));
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aReasonNoRuleCoversGoesOnTheReviewListAndAnUnknownCollectionIsQuarantined() {
        start();
        recoup.runDay(DAY);
        recoup.runDay(SUBMISSION);
        String messageId = recoup.jdbc.queryForObject("select message_id from pain008_file", String.class);
        String block = recoup.jdbc.queryForObject("select payment_information_id from collection", String.class);
        recoup.drop("sepa/status-inbox", "a.xml", BankFiles.pain002(messageId, block, "RCP-C1-1", "RJCT", "AG01"));
        recoup.drop("sepa/status-inbox", "b.xml", BankFiles.pain002(messageId, block, "RCP-C99-1", "RJCT", "AC04"));

        DirectDebitFixture.Day day = recoup.runDay(SUBMISSION.plusDays(1));

        assertThat(day.sepa().statusImports()).flatExtracting(DirectDebitReports.StatusImport::handled)
                .extracting(DirectDebitReports.Handled::endToEndId, DirectDebitReports.Handled::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("RCP-C1-1", "REJECTED"),
                        org.assertj.core.groups.Tuple.tuple("RCP-C99-1", "UNKNOWN"));
        assertThat(recoup.jdbc.queryForMap("select reason_code, explanation from collection_review where resolved_at is null"))
                .containsEntry("reason_code", "AG01").containsEntry("explanation", "AG01: no rule for this code");
        assertThat(recoup.jdbc.queryForObject("select count(*) from hold where released_at is null", Integer.class)).isZero();
        assertThat(recoup.sepa.mandates().get(mandateId).mandate().state()).isEqualTo(MandateState.ACTIVE);
        assertThat(recoup.jdbc.queryForObject("select reason from quarantine where stage = 'sepa-status'", String.class))
                .isEqualTo("reject AC04 for end-to-end id RCP-C99-1, which is no collection of Recoup's");
        assertThat(events(ITEM)).anySatisfy(e -> assertThat((String) e.get("why"))
                .startsWith("AG01: no rule for this code; a person decides (review list)"));
    }

    @Test
    void aFileTheSchemaRefusesIsNeitherStoredNorWrittenAndItsCollectionWaits() throws Exception {
        Schema refusing = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(new StringReader("""
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
                           targetNamespace="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08">
                  <xs:element name="Document"><xs:complexType><xs:sequence>
                    <xs:element name="NothingWritesThis" type="xs:string"/>
                  </xs:sequence></xs:complexType></xs:element>
                </xs:schema>""")));
        start(new SchemaSource() {
            @Override
            public Schema schema(Pain008Version version) {
                return refusing;
            }

            @Override
            public String describe(Pain008Version version) {
                return "a schema no pain.008 meets";
            }
        });
        recoup.runDay(DAY);
        DirectDebitFixture.Day submission = recoup.runDay(SUBMISSION);

        assertThat(submission.sepa().collect().files()).isEmpty();
        assertThat(submission.sepa().collect().refused()).singleElement().asString().startsWith("SCHEMA_INVALID: ");
        assertThat(recoup.jdbc.queryForObject("select count(*) from pain008_file", Integer.class)).isZero();
        assertThat(recoup.folder("sepa/outbox")).doesNotExist();
        assertThat(recoup.jdbc.queryForMap("select status, sequence_type, file_name from collection"))
                .containsEntry("status", "PRE_NOTIFIED").containsEntry("sequence_type", null).containsEntry("file_name", null);
        assertThat(recoup.sepa.mandates().get(mandateId).mandate().lastCollectionDate()).isNull();
        assertThat(events("pain008_file", SUBMISSION)).extracting(e -> e.get("what")).containsExactly("pain.008 not written");
    }

    private List<Map<String, Object>> events(OpenItemKey item) {
        return events("open_item", item);
    }

    private List<Map<String, Object>> events(String entity, Object id) {
        return recoup.jdbc.queryForList("select what, why from event_log where entity = ? and entity_id = ? order by id",
                entity, String.valueOf(id));
    }

    private static Schema officialXsd() throws Exception {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(FIXTURES.resolve("xsd").resolve("pain.008.001.08.xsd").toFile());
    }
}
