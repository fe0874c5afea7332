package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.routes.dispatch.DispatchReport;
import io.recoup.routes.match.MatchReport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CollectionCycleIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String HEADER = "invoice_id,invoice_number,customer_id,customer_name,email,language,issue_date,due_date,currency,amount,open_amount\n";

    @TempDir
    Path home;
    CycleFixture recoup;

    @BeforeEach
    void start() {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        recoup.close();
    }

    @Test
    void ingestsTheGoodRowsQuarantinesTheBadOneAndReportsIt() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER
                + "1,INV-1,C1,Acme,ap@acme.example,en,2026-02-01,2026-03-20,EUR,100.00,\n"
                + "2,INV-2,C1,Acme,ap@acme.example,en,2026-02-01,2026-03-32,EUR,100.00,\n"
                + "3,INV-3,C2,Beta,ap@beta.example,en,2026-02-01,2026-03-25,EUR,12.345,\n");
        DayReport report = recoup.runDay(DAY);

        assertThat(report.ingests()).singleElement().satisfies(i -> {
            assertThat(i.inserted()).isEqualTo(1);
            assertThat(i.rejections()).hasSize(2);
        });
        assertThat(recoup.jdbc.queryForList("select line, field from quarantine order by line"))
                .extracting(r -> r.get("line") + ":" + r.get("field")).containsExactly("3:due_date", "4:amount");
        assertThat(Files.readString(recoup.folder("ledger/rejected/ledger.csv.rejected")))
                .contains("ledger.csv line 3, column due_date: '2026-03-32' is not a date")
                .contains("ledger.csv line 4, column amount: amount 12.345 has more decimals than EUR allows (2)");
        assertThat(recoup.folder("ledger/inbox/ledger.csv")).doesNotExist();

        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-1,C1,Acme,ap@acme.example,en,2026-02-01,2026-03-20,EUR,100.00,\n");
        DayReport again = recoup.runDay(DAY);
        assertThat(again.ingests()).singleElement().satisfies(i -> assertThat(i.unchanged()).isEqualTo(1));
        assertThat(recoup.jdbc.queryForObject("select count(*) from open_item", Integer.class)).isEqualTo(1);
    }

    @Test
    void sendsEachDueStepOnceWithAmountDueDateAndBankDetails() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER
                + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-05,EUR,1250.40,\n"
                + "2,INV-2026-8,C2,Beta GmbH,ap@beta.example,de,2026-02-01,2026-03-02,EUR,99.00,\n");
        DayReport first = recoup.runDay(DAY);
        DayReport second = recoup.runDay(DAY);

        assertThat(first.dispatch().actions()).extracting(DispatchReport.Dispatched::invoiceNumbers, DispatchReport.Dispatched::stepId,
                DispatchReport.Dispatched::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INV-2026-7", "pre-due-email", "SENT"),
                org.assertj.core.groups.Tuple.tuple("INV-2026-8", "due-email", "SENT"));
        assertThat(second.plan().planned()).isEmpty();
        assertThat(second.dispatch().actions()).isEmpty();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Payment reminder: INV-2026-7 due on Mar 5, 2026");
        assertThat(GreenMailUtil.getBody(received[0])).contains("INV-2026-7   Mar 5, 2026   EUR 1250.40   RF20 INV2 0267")
                .contains("DE89 3704 0044 0532 0130 00").contains("COBADEFFXXX");
        assertThat(received[1].getSubject()).isEqualTo("Heute fällig: INV-2026-8");
        assertThat(recoup.jdbc.queryForList("select status, outcome from notice order by id"))
                .extracting(r -> r.get("status") + " " + r.get("outcome"))
                .containsExactly("SENT <notice-1@recoup>", "SENT <notice-2@recoup>");
        assertThat(recoup.jdbc.queryForList("select status from action order by id", String.class)).containsExactly("SENT", "SENT");
    }

    @Test
    void matchesAStatementCreditByRfReferenceAndPostsItBackExactlyOnce() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-20,EUR,1250.40,\n");
        recoup.runDay(DAY);
        String statement = Camt.statement("S1", Camt.credit("ASR-1", "1250.40", "RF20INV20267", null),
                Camt.credit("ASR-2", "10.00", null, "no idea"));
        recoup.drop("statements/inbox", "st1.xml", statement);

        DayReport day = recoup.runDay(DAY.plusDays(1));
        assertThat(day.imports()).singleElement().satisfies(i -> assertThat(i.newReceipts()).isEqualTo(2));
        assertThat(day.match().receipts()).extracting(MatchReport.Matched::outcome).containsExactly("MATCHED", "UNMATCHED");
        assertThat(recoup.jdbc.queryForObject("select status from open_item", String.class)).isEqualTo("PAID");
        String first = "RCP-" + recoup.jdbc.queryForObject("select id from installation", String.class) + "-1";
        assertThat(day.posts()).singleElement().satisfies(p -> assertThat(p.documentNumbers()).containsExactly(first));
        assertThat(paymentsLines()).containsExactly(first + ",1,INV-2026-7,1250.40,EUR,2026-03-02,ASR-1");

        recoup.drop("statements/inbox", "st1-again.xml", statement);
        DayReport replay = recoup.runDay(DAY.plusDays(2));
        assertThat(replay.imports()).singleElement().satisfies(i -> {
            assertThat(i.newReceipts()).isZero();
            assertThat(i.duplicates()).isEqualTo(2);
        });
        assertThat(replay.posts()).isEmpty();
        assertThat(paymentsLines()).hasSize(1);
        assertThat(recoup.jdbc.queryForObject("select unallocated from receipt where provider_id = 'ASR-2'", java.math.BigDecimal.class))
                .isEqualByComparingTo("10.00");
    }

    @Test
    void doesNotPostAgainWhatTheLedgerAlreadyHoldsAfterAnUnclearFailure() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-20,EUR,100.00,\n");
        recoup.runDay(DAY);
        recoup.drop("statements/inbox", "st1.xml", Camt.statement("S1", Camt.credit("ASR-1", "40.00", "RF20INV20267", null)));
        recoup.runDay(DAY);
        // as if the post-back had written its file and then crashed before its transaction committed
        recoup.jdbc.update("update posting set status = 'PENDING', batch = null, posted_at = null");
        assertThat(paymentsLines()).hasSize(1);

        DayReport day = recoup.runDay(DAY.plusDays(1));
        assertThat(day.posts()).singleElement().satisfies(p -> {
            assertThat(p.documentNumbers()).isEmpty();
            assertThat(p.alreadyInLedger()).containsExactly("RCP-" + recoup.jdbc.queryForObject("select id from installation", String.class) + "-1");
        });
        assertThat(paymentsLines()).hasSize(1);
        assertThat(recoup.jdbc.queryForObject("select status from posting", String.class)).isEqualTo("POSTED");
        assertThat(recoup.jdbc.queryForObject("select open_amount from open_item", java.math.BigDecimal.class)).isEqualByComparingTo("60.00");
    }

    @Test
    void cancelsAReminderWhenTheInvoiceIsPaidBeforeItIsSent() {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n");
        recoup.runDay(DAY.minusDays(5)); // ingest only: nothing due yet
        recoup.clock.set(DAY);
        recoup.stages.planning().plan();
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,0\n");
        DayReport day = recoup.runDay(DAY);
        assertThat(day.dispatch().actions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("CANCELLED");
            assertThat(a.outcome()).isEqualTo("every invoice on it was paid before it was sent");
        });
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void movesAFileThatIsNotAStatementAsideAndGoesOnWithTheNext() {
        recoup.drop("statements/inbox", "a-not-camt.xml", "<invoice><id>1</id></invoice>");
        recoup.drop("statements/inbox", "b-good.xml", Camt.statement("S1", Camt.credit("ASR-9", "5.00", null, "hello")));
        DayReport day = recoup.runDay(DAY);
        assertThat(day.failedFiles()).singleElement().asString().startsWith("a-not-camt.xml: ");
        assertThat(day.imports()).singleElement().satisfies(i -> assertThat(i.newReceipts()).isEqualTo(1));
        assertThat(recoup.folder("statements/inbox/.failed")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("a-not-camt.xml"));
    }

    @Test
    void theSchedulesRunMatchPostAndPlanThenDispatchForTodayInTheCompanysZone() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-05,EUR,100.00,\n");
        recoup.runDay(DAY.minusDays(10));
        AdviceWith.adviceWith(recoup.camel, "cycle.schedule", a -> a.replaceFromWith("direct:tick"));
        AdviceWith.adviceWith(recoup.camel, "cycle.dispatch-schedule", a -> a.replaceFromWith("direct:dispatch-tick"));
        recoup.camel.getRouteController().startRoute("cycle.schedule");
        recoup.camel.getRouteController().startRoute("cycle.dispatch-schedule");
        recoup.clock.set(DAY);
        recoup.camel.createProducerTemplate().sendBody("direct:tick", null);
        assertThat(recoup.jdbc.queryForList("select status from action", String.class)).containsExactly("PLANNED");
        recoup.camel.createProducerTemplate().sendBody("direct:dispatch-tick", null);
        assertThat(recoup.jdbc.queryForList("select a.step_id, a.status, a.planned_on::text as day from action a"))
                .extracting(r -> r.get("step_id") + " " + r.get("status") + " " + r.get("day"))
                .containsExactly("pre-due-email SENT 2026-03-02");
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void putsEveryInvoiceDueOfOneCustomerOnOneMessage() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER
                + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-02,EUR,100.00,\n"
                + "2,INV-2026-9,C1,Acme Ltd,ap@acme.example,en,2026-02-03,2026-03-02,EUR,50.50,\n");
        DayReport day = recoup.runDay(DAY);
        assertThat(day.dispatch().actions()).singleElement().satisfies(d -> assertThat(d.invoiceNumbers()).isEqualTo("INV-2026-7,INV-2026-9"));
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Payment due today: INV-2026-7, INV-2026-9");
        assertThat(GreenMailUtil.getBody(received[0])).contains("INV-2026-7   Mar 2, 2026   EUR 100.00   RF20 INV2 0267")
                .contains("INV-2026-9").contains("Total: EUR 150.50");
        assertThat(recoup.jdbc.queryForObject("select count(*) from action where notice_id is not null", Integer.class)).isEqualTo(2);

        // text and HTML side by side, the HTML showing one EPC QR code per invoice as an inline image; decoded, the
        // first is a SEPA credit transfer with the amount and the RF reference
        assertThat(received[0].getContentType()).startsWith("multipart/related");
        io.recoup.adapters.email.MimeParts parts = io.recoup.adapters.email.MimeParts.of(received[0]);
        assertThat(parts.text()).contains("INV-2026-7   Mar 2, 2026   EUR 100.00   RF20 INV2 0267");
        assertThat(parts.html().orElseThrow()).contains("<td class=\"number\">INV-2026-7</td>").contains("<img src=\"cid:qr-1@recoup\"")
                .contains("<img src=\"cid:qr-2@recoup\"");
        assertThat(parts.files()).hasSize(2);
        jakarta.mail.internet.MimeBodyPart qr = (jakarta.mail.internet.MimeBodyPart) parts.files().get(0);
        assertThat(qr.getContentID()).isEqualTo("<qr-1@recoup>");
        assertThat(qr.getDisposition()).isEqualTo("inline");
        assertThat(qr.getFileName()).isEqualTo("pay-INV-2026-7.png");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(qr.getInputStream());
        String payload = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(png)))).getText();
        assertThat(payload.split("\n")).containsExactly("BCD", "002", "1", "SCT", "COBADEFFXXX", "Recoup Test GmbH",
                "DE89370400440532013000", "EUR100.00", "", "RF20INV20267", "", "INV-2026-7");
    }

    @Test
    void showsStatutoryLateChargesOnAnOverdueNotice() throws Exception {
        recoup.policyText = CycleFixture.resource("/recoup/policies/standard.yaml");
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-01-20,2026-02-20,EUR,1000.00,\n");
        DayReport day = recoup.runDay(DAY); // 10 days past due: the overdue message, on e-mail as nothing else is configured
        assertThat(day.dispatch().actions()).singleElement().satisfies(a -> assertThat(a.stepId()).isEqualTo("overdue-message"));
        // 1,000.00 x (2.15% + 8 pp) x 10 / 365 = 2.78 interest, plus the EUR 40.00 fixed compensation
        assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[0]))
                .contains("INV-2026-7   Feb 20, 2026 (10 days overdue)   EUR 1000.00   RF20 INV2 0267   (+ EUR 42.78 late-payment interest and compensation)");
        assertThat(recoup.jdbc.queryForMap("select late_interest, late_compensation, late_basis from action"))
                .containsEntry("late_basis", "10 day(s) at 10.15% (2.15% + 8 pp) from 2026-02-21; fixed compensation EUR 40.00")
                .satisfies(r -> assertThat((java.math.BigDecimal) r.get("late_interest")).isEqualByComparingTo("2.78"));
    }

    @Test
    void refusesABrokenPolicyChangeAndKeepsThePolicyInForce() {
        String before = recoup.policy.get().policy().version();
        recoup.policyText = recoup.policyText.replace("channels: [email]", "channels: [pigeon]");
        assertThat(recoup.policy.get().policy().version()).isEqualTo(before);
        assertThat(recoup.policy.lastError()).get().asString().contains("policy.yaml:12: field 'ladders.default.steps[0].channels[0]'");
        recoup.policyText = recoup.policyText.replace("channels: [pigeon]", "channels: [email]").replace("version: 4", "version: 5");
        assertThat(recoup.policy.get().policy().version()).isEqualTo("5");
        assertThat(recoup.policy.lastError()).isEmpty();
    }

    @Test
    void anItemAFullExportNoLongerListsIsClosedButNotWhenARowOfThatExportWasRejected() throws Exception {
        String acme = "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-20,EUR,100.00,\n";
        String beta = "2,INV-2026-8,C2,Beta GmbH,ap@beta.example,en,2026-02-01,2026-03-20,EUR,200.00,\n";
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + acme + beta);
        recoup.runDay(DAY);

        recoup.drop("ledger/inbox", "ledger-2.csv", HEADER + acme + "3,INV-2026-9,C3,Gamma SA,,en,2026-02-01,not-a-date,EUR,1.00,\n");
        DayReport withRejection = recoup.runDay(DAY.plusDays(1));
        assertThat(withRejection.ingests()).singleElement().satisfies(i -> assertThat(i.warnings())
                .contains("items absent from this export were not closed: 1 row(s) were rejected and may name some of them"));
        assertThat(recoup.jdbc.queryForObject("select status from open_item where number = 'INV-2026-8'", String.class)).isEqualTo("OPEN");

        recoup.drop("ledger/inbox", "ledger-3.csv", HEADER + acme);
        DayReport complete = recoup.runDay(DAY.plusDays(2));
        assertThat(complete.ingests()).singleElement().satisfies(i -> assertThat(i.closed()).isEqualTo(1));
        assertThat(recoup.jdbc.queryForMap("select status, closed_reason from open_item where number = 'INV-2026-8'"))
                .containsEntry("status", "CLOSED").containsEntry("closed_reason", "not in the full export ledger-3.csv");
        assertThat(recoup.jdbc.queryForObject("select status from open_item where number = 'INV-2026-7'", String.class)).isEqualTo("OPEN");
    }

    @Test
    void aReceiptThatCannotBeRecordedStaysNewWhileTheOthersOfItsChunkAreRecorded() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER
                + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-20,EUR,100.00,\n"
                + "2,INV-2026-8,C2,Beta GmbH,ap@beta.example,en,2026-02-01,2026-03-20,EUR,200.00,\n"
                + "3,INV-2026-9,C3,Gamma SA,ap@gamma.example,en,2026-02-01,2026-03-20,EUR,300.00,\n");
        recoup.runDay(DAY);
        // the database refuses the allocation to INV-2026-8 alone, as it would refuse one that broke a constraint
        recoup.jdbc.execute("""
                create function refuse_inv_8() returns trigger language plpgsql as $$
                begin
                    if (select number from open_item where id = new.item_id) = 'INV-2026-8' then
                        raise exception 'refused for the test';
                    end if;
                    return new;
                end $$""");
        recoup.jdbc.execute("create trigger refuse_inv_8 before insert on allocation for each row execute function refuse_inv_8()");
        recoup.drop("statements/inbox", "st.xml", Camt.statement("S1", Camt.credit("ASR-1", "100.00", "RF20INV20267", null),
                Camt.credit("ASR-2", "200.00", "RF90INV20268", null), Camt.credit("ASR-3", "300.00", "RF63INV20269", null)));

        recoup.runDay(DAY.plusDays(1));

        assertThat(recoup.jdbc.queryForList("select provider_id || ' ' || status from receipt order by provider_id", String.class))
                .containsExactly("ASR-1 MATCHED", "ASR-2 NEW", "ASR-3 MATCHED");
        assertThat(recoup.jdbc.queryForList("select number || ' ' || status from open_item order by number", String.class))
                .containsExactly("INV-2026-7 PAID", "INV-2026-8 OPEN", "INV-2026-9 PAID");

        recoup.jdbc.execute("drop trigger refuse_inv_8 on allocation");
        recoup.runDay(DAY.plusDays(2));
        assertThat(recoup.jdbc.queryForList("select provider_id || ' ' || status from receipt order by provider_id", String.class))
                .containsExactly("ASR-1 MATCHED", "ASR-2 MATCHED", "ASR-3 MATCHED");
    }

    @Test
    void aReturnedCreditReopensTheItemAndReversesItsPostingOnce() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + "1,INV-2026-7,C1,Acme Ltd,ap@acme.example,en,2026-02-01,2026-03-20,EUR,1250.40,\n");
        recoup.runDay(DAY);
        recoup.drop("statements/inbox", "st1.xml", Camt.statement("S1", Camt.credit("ASR-1", "1250.40", "RF20INV20267", null)));
        recoup.runDay(DAY.plusDays(1));
        assertThat(recoup.jdbc.queryForObject("select status from open_item", String.class)).isEqualTo("PAID");
        String payment = "RCP-" + recoup.jdbc.queryForObject("select id from installation", String.class) + "-1";

        String returned = Camt.statement("S2", Camt.returned("RET-1", "1250.40", "E2E-ASR-1", "AC04"));
        recoup.drop("statements/inbox", "st2.xml", returned);
        DayReport day = recoup.runDay(DAY.plusDays(2));

        assertThat(recoup.jdbc.queryForMap("select status, open_amount from open_item"))
                .containsEntry("status", "OPEN").containsEntry("open_amount", new java.math.BigDecimal("1250.4000"));
        assertThat(recoup.jdbc.queryForObject("select status from receipt where provider_id = 'ASR-1'", String.class))
                .isEqualTo("RETURNED");
        assertThat(day.posts()).singleElement().satisfies(p -> assertThat(p.documentNumbers()).containsExactly(payment + "-R"));
        assertThat(paymentsLines()).containsExactlyInAnyOrder(payment + ",1,INV-2026-7,1250.40,EUR,2026-03-02,ASR-1",
                payment + "-R,1,INV-2026-7,-1250.40,EUR,2026-03-02,ASR-1");

        recoup.drop("statements/inbox", "st2-again.xml", returned);
        DayReport replay = recoup.runDay(DAY.plusDays(3));
        assertThat(replay.posts()).isEmpty();
        assertThat(paymentsLines()).hasSize(2);
        assertThat(recoup.jdbc.queryForObject("select open_amount from open_item", java.math.BigDecimal.class))
                .isEqualByComparingTo("1250.40");
        assertThat(recoup.jdbc.queryForObject("select count(*) from unresolved_return", Integer.class)).isZero();
    }

    @Test
    void aReturnThatTiesToNoReceiptWaitsForAPersonInsteadOfBeingIgnored() throws Exception {
        recoup.drop("statements/inbox", "st.xml", Camt.statement("S3", Camt.returned("RET-9", "75.00", "E2E-SOMETHING-ELSE", "MS03")));
        recoup.runDay(DAY);
        recoup.drop("statements/inbox", "st-again.xml", Camt.statement("S3", Camt.returned("RET-9", "75.00", "E2E-SOMETHING-ELSE", "MS03")));
        recoup.runDay(DAY);

        assertThat(recoup.jdbc.queryForList("select provider_id, amount, reason from unresolved_return")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("provider_id")).isEqualTo("RET-9");
                    assertThat(r.get("amount")).isEqualTo(new java.math.BigDecimal("75.0000"));
                    assertThat((String) r.get("reason")).contains("return MS03").contains("names no receipt");
                });
    }

    private List<String> paymentsLines() throws Exception {
        Path folder = recoup.folder("ledger/payments");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("payments-")).sorted()
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream().skip(1);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
