package io.recoup.core.dunning;

import static io.recoup.core.dunning.Timeline.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dunning policy as a timeline (in the style of Kill Bill's overdue tests): the clock moves one day at a time over
 * 60 days and every message, task and hand-over is asserted with its day. Items fall due on Tuesday 2026-03-10.
 */
class DunningTimelineTest {
    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    @Test
    void walksTheLadderFromPreDueToAgencyOneStepOnEachStepsDay() {
        Timeline t = new Timeline("").with(Timeline.customer(1)).item(1, 1, DUE, "100.00");
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp whatsapp",
                "2026-03-24 C1 INV-1 overdue-repeat email",
                "2026-03-31 C1 INV-1 overdue-repeat#2 email",
                "2026-04-07 C1 INV-1 overdue-repeat#3 email",
                "2026-04-14 C1 INV-1 escalation agency");
        assertThat(t.action("2026-03-13 C1 INV-1 overdue-call call").reason())
                .isEqualTo("policy test v7, segment everyone: step 'overdue-call' fires at due+3; 3 day(s) past due");
        assertThat(t.decisions(march(20), 1)).containsExactly("NOTHING_DUE next step 'overdue-repeat' on 2026-03-24");
        assertThat(t.decisions(LocalDate.of(2026, 4, 20), 1)).containsExactly("NOTHING_DUE every step of the ladder has been taken");
    }

    @Test
    void sendsOneNoticePerCustomerListingEveryItemDueAndOneCallTask() {
        Timeline t = new Timeline("").with(Timeline.customer(1)).item(1, 1, DUE, "100.00").item(1, 2, DUE, "50.00")
                .item(1, 3, DUE.plusDays(2), "70.00");
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1,INV-2 pre-due-email email",
                "2026-03-09 C1 INV-3 pre-due-email email",
                "2026-03-10 C1 INV-1,INV-2 due-email email",
                "2026-03-12 C1 INV-3 due-email email",
                "2026-03-13 C1 INV-1,INV-2 overdue-call call",
                "2026-03-15 C1 INV-3 overdue-call call",
                "2026-03-17 C1 INV-1,INV-2 overdue-whatsapp whatsapp",
                "2026-03-19 C1 INV-3 overdue-whatsapp whatsapp",
                "2026-03-24 C1 INV-1,INV-2 overdue-repeat email",
                "2026-03-26 C1 INV-3 overdue-repeat email",
                "2026-03-31 C1 INV-1,INV-2 overdue-repeat#2 email",
                "2026-04-02 C1 INV-3 overdue-repeat#2 email",
                "2026-04-07 C1 INV-1,INV-2 overdue-repeat#3 email",
                "2026-04-09 C1 INV-3 overdue-repeat#3 email",
                "2026-04-14 C1 INV-1 escalation agency",
                "2026-04-14 C1 INV-2 escalation agency",
                "2026-04-16 C1 INV-3 escalation agency");
        assertThat(t.action("2026-03-10 C1 INV-1,INV-2 due-email email").reason()).endsWith("(+1 more item(s) on the same notice)");
    }

    @Test
    void pausesWhileADisputeIsOpenAndResumesWithTheStepThatFitsThatDay() {
        Timeline t = new Timeline("").with(Timeline.customer(1)).item(1, 1, DUE, "100.00")
                .on(march(11), s -> s.hold(1, new Hold(Hold.Kind.DISPUTE, "goods damaged", march(11), Optional.empty())))
                .on(march(25), s -> s.releaseHolds(1));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-25 C1 INV-1 overdue-repeat email",
                "2026-03-31 C1 INV-1 overdue-repeat#2 email",
                "2026-04-07 C1 INV-1 overdue-repeat#3 email",
                "2026-04-14 C1 INV-1 escalation agency");
        assertThat(t.decisions(march(13), 1)).containsExactly("PAUSED paused by dispute since 2026-03-11: goods damaged");
        assertThat(t.action("2026-03-25 C1 INV-1 overdue-repeat email").reason())
                .contains("superseded without sending (catch-up): overdue-call, overdue-whatsapp");
    }

    @Test
    void aKeptPromiseEndsTheLadder() {
        Timeline t = new Timeline("promises:\n  grace-days: 2\n").with(Timeline.customer(1)).item(1, 1, DUE, "100.00")
                .on(march(12), s -> s.promise(1, march(20), eur("100.00")))
                .on(march(19), s -> s.pay(1, eur("100.00")));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email");
        assertThat(t.decisions(march(13), 1)).containsExactly(
                "PAUSED paused by a promise to pay EUR 100.00 by 2026-03-20 (grace until 2026-03-22)");
    }

    @Test
    void aBrokenPromiseEscalatesToAPersonAndTheLadderResumes() {
        Timeline t = new Timeline("promises:\n  grace-days: 2\n").with(Timeline.customer(1)).item(1, 1, DUE, "100.00")
                .on(march(12), s -> s.promise(1, march(20), eur("100.00")))
                .on(march(21), s -> s.pay(1, eur("30.00")));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-23 C1 INV-1 overdue-whatsapp whatsapp",
                "2026-03-23 C1 INV-1 promise-broken task",
                "2026-03-24 C1 INV-1 overdue-repeat email",
                "2026-03-31 C1 INV-1 overdue-repeat#2 email",
                "2026-04-07 C1 INV-1 overdue-repeat#3 email",
                "2026-04-14 C1 INV-1 escalation agency");
        assertThat(t.action("2026-03-23 C1 INV-1 promise-broken task").reason())
                .contains("promise to pay EUR 100.00 by 2026-03-20 was broken: no payment by 2026-03-22");
    }

    @Test
    void aPaymentPlanRemindsOfEachInstalmentAndABreachResumesTheLadder() {
        Timeline t = new Timeline("promises:\n  grace-days: 2\n").with(Timeline.customer(1)).item(1, 1, DUE, "300.00")
                .on(march(12), s -> s.agreePlan(1, List.of(new PaymentPlan.Instalment(march(20), eur("100.00")),
                        new PaymentPlan.Instalment(LocalDate.of(2026, 4, 5), eur("100.00")),
                        new PaymentPlan.Instalment(LocalDate.of(2026, 4, 20), eur("100.00")))))
                .on(march(19), s -> s.pay(1, eur("100.00")));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-17 C1 INV-1 plan-1-reminder email",
                "2026-04-02 C1 INV-1 plan-2-reminder email",
                "2026-04-06 C1 INV-1 plan-2-overdue email",
                "2026-04-08 C1 INV-1 overdue-repeat#3 email",
                "2026-04-08 C1 INV-1 plan-broken task",
                "2026-04-14 C1 INV-1 escalation agency");
        assertThat(t.decisions(march(25), 1)).containsExactly(
                "PAUSED ladder paused by a payment plan: instalment 2/3 of EUR 100.00 due 2026-04-05");
    }

    @Test
    void remindsOfWhatIsLeftAfterAPartPaymentAndStopsBelowTheMinimum() {
        Timeline t = new Timeline("minimum-open:\n  EUR: \"5.00\"\n").with(Timeline.customer(1)).item(1, 1, DUE, "100.00")
                .on(march(9), s -> s.pay(1, eur("60.00")))
                .on(march(16), s -> s.pay(1, eur("37.00")));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-13 C1 INV-1 overdue-call call");
        assertThat(t.plans.get(march(10)).get(0).notices().get(0).lines().get(0).open()).isEqualTo(eur("40.00"));
        assertThat(t.decisions(march(17), 1)).containsExactly("BELOW_MINIMUM open EUR 3.00 is below the policy minimum EUR 5.00");
    }

    @Test
    void afterFiveDaysDownCatchesUpWithTheStepThatFitsNeverAStaleOneNorOneTwice() {
        Timeline t = new Timeline("").with(Timeline.customer(1)).item(1, 1, DUE, "100.00").item(1, 2, DUE.plusDays(10), "20.00")
                .downBetween(march(6), march(12));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp whatsapp",
                "2026-03-17 C1 INV-2 pre-due-email email",
                "2026-03-20 C1 INV-2 due-email email",
                "2026-03-23 C1 INV-2 overdue-call call",
                "2026-03-24 C1 INV-1 overdue-repeat email",
                "2026-03-27 C1 INV-2 overdue-whatsapp whatsapp",
                "2026-03-31 C1 INV-1 overdue-repeat#2 email",
                "2026-04-03 C1 INV-2 overdue-repeat email",
                "2026-04-07 C1 INV-1 overdue-repeat#3 email",
                "2026-04-10 C1 INV-2 overdue-repeat#2 email",
                "2026-04-14 C1 INV-1 escalation agency",
                "2026-04-17 C1 INV-2 overdue-repeat#3 email",
                "2026-04-24 C1 INV-2 escalation agency");
        assertThat(t.action("2026-03-13 C1 INV-1 overdue-call call").reason())
                .contains("superseded without sending (catch-up): pre-due-email, due-email");
    }

    @Test
    void respectsCapsBusinessDaysAndQuietHoursInEachCustomersTimeZone() {
        Timeline t = new Timeline("""
                guardrails:
                  caps:
                    - channel: any
                      max: 1
                      per-days: 1
                    - channel: any
                      max: 2
                      per-days: 7
                  quiet-hours: {from: "20:00", to: "08:00"}
                  business-days: [MON, TUE, WED, THU, FRI]
                """).with(Timeline.customer(1))
                .with(Timeline.customer(2, ZoneId.of("America/New_York"), EnumSet.of(Channel.EMAIL, Channel.SMS), Set.of()))
                .item(1, 1, DUE, "100.00").item(1, 2, DUE.plusDays(1), "100.00").item(2, 3, DUE, "100.00");
        assertThat(t.run(START, 60, LocalTime.of(21, 30))).containsExactly(
                "2026-03-09 C1 INV-1,INV-2 pre-due-email email",
                "2026-03-09 C2 INV-3 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-10 C2 INV-3 due-email email",
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-13 C2 INV-3 overdue-call call",
                "2026-03-16 C1 INV-2 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp whatsapp",
                "2026-03-17 C2 INV-3 overdue-whatsapp sms",
                "2026-03-18 C1 INV-2 overdue-whatsapp whatsapp",
                "2026-03-24 C1 INV-1 overdue-repeat email",
                "2026-03-24 C2 INV-3 overdue-repeat email",
                "2026-03-25 C1 INV-2 overdue-repeat email",
                "2026-03-31 C1 INV-1 overdue-repeat#2 email",
                "2026-03-31 C2 INV-3 overdue-repeat#2 email",
                "2026-04-01 C1 INV-2 overdue-repeat#2 email",
                "2026-04-07 C1 INV-1 overdue-repeat#3 email",
                "2026-04-07 C2 INV-3 overdue-repeat#3 email",
                "2026-04-08 C1 INV-2 overdue-repeat#3 email",
                "2026-04-14 C1 INV-1 escalation agency",
                "2026-04-14 C2 INV-3 escalation agency",
                "2026-04-15 C1 INV-2 escalation agency");
        assertThat(t.decisions(march(7), 1)).containsExactly("HELD pre-due-email held: 2026-03-07 is not a business day in Europe/Berlin");
        assertThat(t.decisions(march(11), 2)).singleElement().asString()
                .isEqualTo("HELD due-email held: contact cap 2 per 7 day(s) on any channel reached (2 since 2026-03-05)");
        // planned at 21:30 local, inside quiet hours: sent at 08:00 the next morning in each customer's zone
        assertThat(t.action("2026-03-09 C1 INV-1,INV-2 pre-due-email email").sendAfter()).isEqualTo(Instant.parse("2026-03-10T07:00:00Z"));
        assertThat(t.action("2026-03-09 C2 INV-3 pre-due-email email").sendAfter()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(t.action("2026-03-13 C1 INV-1 overdue-call call").sendAfter()).isEqualTo(Instant.parse("2026-03-13T20:30:00Z"));
    }

    @Test
    void fallsBackWhenAChannelIsOptedOutNotConfiguredOrBounced() {
        Timeline t = new Timeline("", EnumSet.of(Channel.EMAIL, Channel.SMS))
                .with(Timeline.customer(1, Timeline.BERLIN, EnumSet.of(Channel.EMAIL, Channel.SMS), Set.of(Channel.EMAIL)))
                .with(Timeline.customer(2)).item(1, 1, DUE, "100.00").item(2, 2, DUE, "100.00")
                .on(march(8), s -> s.bounce(2, Channel.EMAIL, march(8)));
        assertThat(t.run(START, 60)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email task",
                "2026-03-07 C2 INV-2 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email sms",
                "2026-03-10 C2 INV-2 due-email sms",
                "2026-03-13 C1 INV-1 overdue-call call",
                "2026-03-13 C2 INV-2 overdue-call call",
                "2026-03-17 C1 INV-1 overdue-whatsapp sms",
                "2026-03-17 C2 INV-2 overdue-whatsapp sms",
                "2026-03-24 C1 INV-1 overdue-repeat task",
                "2026-03-24 C2 INV-2 overdue-repeat task",
                "2026-03-31 C1 INV-1 overdue-repeat#2 task",
                "2026-03-31 C2 INV-2 overdue-repeat#2 task",
                "2026-04-07 C1 INV-1 overdue-repeat#3 task",
                "2026-04-07 C2 INV-2 overdue-repeat#3 task",
                "2026-04-14 C1 INV-1 escalation agency",
                "2026-04-14 C2 INV-2 escalation agency");
        assertThat(t.action("2026-03-07 C1 INV-1 pre-due-email task").template()).isEqualTo("no-channel-task");
        assertThat(t.action("2026-03-07 C1 INV-1 pre-due-email task").reason())
                .endsWith("email: customer unsubscribed from e-mail; no usable channel: a person takes over");
        assertThat(t.action("2026-03-10 C2 INV-2 due-email sms").reason()).endsWith("email: last message bounced on 2026-03-08; sms instead");
        assertThat(t.action("2026-03-17 C1 INV-1 overdue-whatsapp sms").reason()).endsWith("whatsapp: not configured; sms instead");
    }
}
