package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.policy.Channel;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * A step's {@code skip-if} day by day, under the default policy with the call step (due+3) skipped when the payment
 * link was opened within a day, or a message read within two: the call is left out for good when the customer acted
 * in time, and still placed when the fact is older, of another item, or of the other kind. Items fall due on
 * 2026-03-10, so the call falls on 2026-03-13.
 */
class EngagementTimelineTest {
    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 10);
    static final LocalDate CALL_DAY = LocalDate.of(2026, 3, 13);

    private static Timeline withSkip(String rule) {
        return Timeline.bundled("default", yaml -> yaml.replace("template: call-task\n",
                        "template: call-task\n        skip-if: " + rule + "\n"), EnumSet.of(Channel.EMAIL, Channel.CALL, Channel.WHATSAPP))
                .with(Timeline.customer(1));
    }

    @Test
    void skipsTheCallForGoodWhenThePaymentLinkWasOpenedTheDayBefore() {
        Timeline t = withSkip("{link-opened-within-days: 1}").item(1, 1, DUE, "800.00")
                .on(CALL_DAY.minusDays(1), s -> s.engage(1, new Engagement(CALL_DAY.minusDays(1), Engagement.Kind.LINK_OPENED)));

        assertThat(t.run(START, 20)).containsExactly(
                "2026-03-07 C1 INV-1 pre-due-email email",
                "2026-03-10 C1 INV-1 due-email email",
                "2026-03-17 C1 INV-1 overdue-whatsapp whatsapp");
        assertThat(t.decisions(CALL_DAY, 1)).containsExactly("SKIPPED step 'overdue-call' skipped: its payment link was opened "
                + "on 2026-03-12 (skip-if link-opened-within-days: 1)");
        assertThat(t.decisions(CALL_DAY.plusDays(2), 1)).as("not sent late once the window is past")
                .containsExactly("SKIPPED step 'overdue-call' skipped: its payment link was opened on 2026-03-12 (skip-if "
                        + "link-opened-within-days: 1)");
    }

    @Test
    void placesTheCallWhenTheLinkWasOpenedBeforeTheWindow() {
        Timeline t = withSkip("{link-opened-within-days: 1}").item(1, 1, DUE, "800.00")
                .on(DUE, s -> s.engage(1, new Engagement(DUE, Engagement.Kind.LINK_OPENED)));

        assertThat(t.run(START, 20)).contains("2026-03-13 C1 INV-1 overdue-call call");
    }

    @Test
    void placesTheCallAboutAnotherItemAndWhenOnlyTheOtherKindOfFactHappened() {
        Timeline t = withSkip("{link-opened-within-days: 1}").item(1, 1, DUE, "800.00").item(1, 2, DUE.plusDays(20), "90.00")
                .on(CALL_DAY, s -> s.engage(2, new Engagement(CALL_DAY, Engagement.Kind.LINK_OPENED)))
                .on(CALL_DAY, s -> s.engage(1, new Engagement(CALL_DAY, Engagement.Kind.READ)));

        assertThat(t.run(START, 14)).contains("2026-03-13 C1 INV-1 overdue-call call");
    }

    @Test
    void skipsTheCallWhenAMessageAboutTheItemWasReadWithinTwoDays() {
        Timeline t = withSkip("{read-within-days: 2}").item(1, 1, DUE, "800.00")
                .on(DUE.plusDays(1), s -> s.engage(1, new Engagement(DUE.plusDays(1), Engagement.Kind.READ)));

        assertThat(t.run(START, 14)).doesNotContain("2026-03-13 C1 INV-1 overdue-call call");
        assertThat(t.decisions(CALL_DAY, 1)).containsExactly("SKIPPED step 'overdue-call' skipped: a message about it was read "
                + "on 2026-03-11 (skip-if read-within-days: 2)");
    }
}
