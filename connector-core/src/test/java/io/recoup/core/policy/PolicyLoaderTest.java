package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private final PolicyLoader loader = PolicyLoader.withBundledSchema();

    private static final String GOOD = """
            policy: standard
            version: 3
            consolidate: per-item
            minimum-open: {EUR: "5.00"}
            ladders:
              gentle:
                steps:
                  - id: due-email
                    offset-days: 0
                    channels: [email]
                    template: reminder-due
              standard:
                steps:
                  - id: due-email
                    offset-days: 0
                    channels: [email, sms]
                    template: reminder-due
                  - id: repeat
                    offset-days: 7
                    repeat-every-days: 7
                    until-offset-days: 21
                    channels: [email]
                    template: reminder-overdue
                escalation: {offset-days: 30, action: legal-letter, template: legal-letter}
            segments:
              - id: key-accounts
                customer-segments: [key]
                max-risk: 40
                ladder: gentle
              - id: everyone
                ladder: standard
            guardrails:
              caps:
                - {channel: any, max: 1, per-days: 1}
                - {channel: email, max: 3, per-days: 7}
              quiet-hours: {from: "20:00", to: "08:00"}
              business-days: [MON, TUE, WED, THU, FRI]
              holidays: [2026-12-25]
            promises: {grace-days: 5}
            late-charges:
              fixed-compensation: {EUR: "40.00"}
              interest:
                margin-percentage-points: "8"
                reference-rates:
                  - {from: 2026-01-01, percent: "2.15"}
            """;

    @Test
    void loadsEveryPartOfAPolicy() {
        DunningPolicy p = loader.load("standard.yaml", GOOD);
        assertThat(p.id()).isEqualTo("standard");
        assertThat(p.version()).isEqualTo("3");
        assertThat(p.consolidation()).isEqualTo(DunningPolicy.Consolidation.PER_ITEM);
        assertThat(p.ladder("standard").occurrences()).extracting(Ladder.Occurrence::key)
                .containsExactly("due-email", "repeat", "repeat#2", "repeat#3", "escalation");
        assertThat(p.ladder("standard").steps().get(0).channels()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(p.segments()).extracting(Segment::id).containsExactly("key-accounts", "everyone");
        assertThat(p.segments().get(0).maxRisk()).contains(40);
        assertThat(p.guardrails().caps()).hasSize(2);
        assertThat(p.guardrails().quietHours().orElseThrow().contains(LocalTime.of(23, 0))).isTrue();
        assertThat(p.guardrails().isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(p.promiseGraceDays()).isEqualTo(5);
        assertThat(p.minimumOpen()).containsEntry("EUR", Money.of("5.00", "EUR"));
        assertThat(p.lateCharges().orElseThrow().referenceRateOn(LocalDate.of(2026, 3, 1))).contains(new BigDecimal("2.15"));
    }

    @Test
    void namesTheLineColumnAndFieldOfEveryProblemForAPersonToFixIt() {
        String bad = GOOD.replace("channels: [email, sms]", "channels: [email, pigeon]").replace("laders", "ladders");
        assertThatThrownBy(() -> loader.load("draft 7", bad))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    PolicyProblem problem = e.problems().get(0);
                    assertThat(problem.line()).isEqualTo(16);
                    assertThat(problem.column()).isEqualTo(27);
                    assertThat(problem.field()).isEqualTo("ladders.standard.steps[0].channels[1]");
                    assertThat(problem.describe()).startsWith("ladders.standard.steps[0].channels[1]: ")
                            .contains("enumeration").endsWith("(line 16, column 27)");
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
                });
    }

    @Test
    void givesTheColumnOfMalformedYamlAndOfRulesTheSchemaCannotSay() {
        assertThatThrownBy(() -> loader.load("p.yaml", "policy: [standard\nversion: 3\n"))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems().get(0).column()).isPositive());
        String overlapping = GOOD.replace("offset-days: 7\n", "offset-days: 0\n");
        assertThatThrownBy(() -> loader.load("p.yaml", overlapping))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("ladders.standard.steps[1].offset-days");
                    assertThat(p.line()).isEqualTo(19);
                    assertThat(p.column()).isEqualTo(22);
                }));
    }

    @Test
    void rejectsAnUnknownChannelNamingFileLineAndField() {
        assertThatThrownBy(() -> loader.load("bad.yaml", GOOD.replace("channels: [email, sms]", "channels: [email, pigeon]")))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("bad.yaml:16: field 'ladders.standard.steps[0].channels[1]': ")
                .hasMessageContaining("enumeration");
    }

    @Test
    void offersBankTransferOnlyUnlessAStepListsStripe() {
        DunningPolicy p = loader.load("standard.yaml", GOOD.replace("      - id: repeat\n",
                "      - id: repeat\n        payment-options: [bank-transfer, stripe]\n"));
        assertThat(p.ladder("standard").steps().get(0).paymentOptions()).containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.ladder("standard").steps().get(1).paymentOptions())
                .containsExactlyInAnyOrder(PaymentOption.BANK_TRANSFER, PaymentOption.STRIPE);
        assertThat(p.paymentOptions("repeat#3")).contains(PaymentOption.STRIPE);
        assertThat(p.paymentOptions("due-email")).containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.paymentOptions("escalation")).containsExactly(PaymentOption.BANK_TRANSFER);
    }

    @Test
    void offersStripeOnAStepIdSharedByLaddersOnlyWhenEveryLadderOffersIt() {
        String gentleOnly = GOOD.replaceFirst("template: reminder-due\n",
                "template: reminder-due\n        payment-options: [stripe, bank-transfer]\n");
        assertThat(loader.load("standard.yaml", gentleOnly).paymentOptions("due-email")).containsExactly(PaymentOption.BANK_TRANSFER);
    }

    @Test
    void aNoticesSegmentChoosesItsLaddersStepAndNarrowsItsWaysToPayWhileAnUnknownSegmentGetsWhatEveryLadderAllows() {
        String policy = GOOD.replaceFirst("template: reminder-due\n", "template: reminder-due\n        payment-options: [stripe, bank-transfer]\n")
                .replace("  - id: everyone\n    ladder: standard\n", "  - id: large-accounts\n    min-total-open: {EUR: \"10000.00\"}\n"
                        + "    ladder: gentle\n    payment-options: [bank-transfer, gocardless]\n  - id: everyone\n    ladder: standard\n");
        DunningPolicy p = loader.load("segments.yaml", policy);

        assertThat(p.segments().get(1).paymentOptions()).containsExactlyInAnyOrder(PaymentOption.BANK_TRANSFER, PaymentOption.GOCARDLESS);
        assertThat(p.paymentOptions("due-email", Optional.of("key-accounts")))
                .as("the gentle ladder's own step, not what the two ladders sharing its id have in common")
                .containsExactlyInAnyOrder(PaymentOption.BANK_TRANSFER, PaymentOption.STRIPE);
        assertThat(p.paymentOptions("due-email", Optional.of("large-accounts"))).as("same step, but the segment allows no card")
                .containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.paymentOptions("due-email", Optional.of("everyone"))).containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.paymentOptions("due-email", Optional.of("a-segment-of-an-older-version")))
                .as("unknown: only what every ladder and segment allows").containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.paymentOptions("escalation", Optional.of("key-accounts"))).containsExactly(PaymentOption.BANK_TRANSFER);
    }

    @Test
    void withoutTheSegmentAStepOnOneLadderOffersOnlyWhatEverySegmentOnThatLadderAllows() {
        String policy = GOOD.replace("      - id: repeat\n", "      - id: repeat\n        payment-options: [bank-transfer, stripe]\n")
                .replace("  - id: everyone\n    ladder: standard\n", "  - id: cautious\n    max-risk: 10\n    ladder: standard\n"
                        + "    payment-options: [bank-transfer]\n  - id: everyone\n    ladder: standard\n");
        DunningPolicy p = loader.load("segments.yaml", policy);

        assertThat(p.paymentOptions("repeat#2", Optional.of("everyone"))).contains(PaymentOption.STRIPE);
        assertThat(p.paymentOptions("repeat#2", Optional.of("cautious"))).containsExactly(PaymentOption.BANK_TRANSFER);
        assertThat(p.paymentOptions("repeat#2")).containsExactly(PaymentOption.BANK_TRANSFER);
    }

    @Test
    void refusesAStepNamedAsTheEscalationsKeyNamingLineAndField() {
        assertThatThrownBy(() -> loader.load("bad.yaml", GOOD.replace("      - id: repeat\n", "      - id: escalation\n")))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("ladders.standard.steps[1].id");
                    assertThat(p.reason()).contains("reserved for the ladder's escalation");
                }));
    }

    @Test
    void rejectsAnUnknownPaymentOptionOfASegmentNamingFileLineAndField() {
        String card = GOOD.replace("    ladder: gentle\n", "    ladder: gentle\n    payment-options: [card]\n");
        assertThatThrownBy(() -> loader.load("bad.yaml", card))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("bad.yaml:30: field 'segments[0].payment-options[0]': ")
                .hasMessageContaining("enumeration");
    }

    @Test
    void readsAStepsSkipIfAndRejectsOneThatNamesNoFactOrANegativeWindow() {
        DunningPolicy p = loader.load("standard.yaml", GOOD.replace("      - id: repeat\n",
                "      - id: repeat\n        skip-if: {link-opened-within-days: 1, read-within-days: 2}\n"));
        assertThat(p.ladder("standard").steps().get(0).skipIf()).isEmpty();
        assertThat(p.ladder("standard").steps().get(1).skipIf()).contains(new SkipIf(Optional.of(1), Optional.of(2)));
        assertThatThrownBy(() -> loader.load("bad.yaml", GOOD.replace("      - id: repeat\n", "      - id: repeat\n        skip-if: {}\n")))
                .isInstanceOf(RecoupException.class).hasMessageContaining("bad.yaml:19: field 'ladders.standard.steps[1].skip-if'");
        assertThatThrownBy(() -> loader.load("bad.yaml", GOOD.replace("      - id: repeat\n",
                "      - id: repeat\n        skip-if: {link-opened-within-days: -1}\n")))
                .isInstanceOf(RecoupException.class).hasMessageContaining("skip-if.link-opened-within-days");
    }

    @Test
    void rejectsAnUnknownPaymentOptionNamingFileLineAndField() {
        String paypal = GOOD.replace("      - id: repeat\n", "      - id: repeat\n        payment-options: [bank-transfer, paypal]\n");
        assertThatThrownBy(() -> loader.load("bad.yaml", paypal))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("bad.yaml:19: field 'ladders.standard.steps[1].payment-options[1]': ")
                .hasMessageContaining("enumeration");
    }

    @Test
    void rejectsOverlappingStepsIncludingRepeats() {
        String overlapping = GOOD.replace("- id: repeat\n        offset-days: 7", "- id: repeat\n        offset-days: 0");
        assertThatThrownBy(() -> loader.load("bad.yaml", overlapping))
                .hasMessageContaining("bad.yaml:19: field 'ladders.standard.steps[1].offset-days': step 'repeat' and step 'due-email' both fire at day 0 (steps overlap)");
    }

    @Test
    void rejectsANegativeCapAndReportsEveryProblemAtOnce() {
        String bad = GOOD.replace("{channel: any, max: 1, per-days: 1}", "{channel: any, max: -1, per-days: 1}")
                .replace("channels: [email, sms]", "channels: [email, pigeon]");
        assertThatThrownBy(() -> loader.load("bad.yaml", bad))
                .hasMessageContaining("bad.yaml:16: field 'ladders.standard.steps[0].channels[1]': ")
                .hasMessageContaining("bad.yaml:34: field 'guardrails.caps[0].max': must have a minimum value of 1");
        assertThatThrownBy(() -> loader.load("bad.yaml", GOOD.replace("ladder: gentle", "ladder: soft")))
                .hasMessageContaining("bad.yaml:29: field 'segments[0].ladder': ladder 'soft' is not defined (defined: [gentle, standard])");
    }

    @Test
    void rejectsMalformedYamlWithItsLine() {
        assertThatThrownBy(() -> loader.load("broken.yaml", "policy: x\nversion: 1\nladders: [\n  {id: a\n"))
                .hasMessageContaining("broken.yaml:5: malformed YAML")
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY);
    }

    @Test
    void rejectsMissingAndUnknownFields() {
        assertThatThrownBy(() -> loader.load("p.yaml", "policy: x\nversion: 1\nladers: {}\n"))
                .hasMessageContaining("p.yaml:1: field 'ladders': is missing")
                .hasMessageContaining("p.yaml:3: field 'laders': is not a known field");
    }

    @Test
    void rejectsAReferenceRateThatDoesNotStartAHalfYear() {
        assertThatThrownBy(() -> loader.load("p.yaml", GOOD.replace("from: 2026-01-01", "from: 2026-02-01")))
                .hasMessageContaining("from 1 January or 1 July");
    }

    @Test
    void turnsTheOnboardingRuleOnWithFourteenDaysUnlessThePolicySaysOtherwise() {
        assertThat(loader.load("standard.yaml", GOOD).onboarding()).isEqualTo(new Onboarding(true, 14));
        assertThat(loader.load("p.yaml", GOOD + "onboarding:\n  grace-days: 21\n").onboarding()).isEqualTo(new Onboarding(true, 21));
        assertThat(loader.load("p.yaml", GOOD + "onboarding: {enabled: false}\n").onboarding().enabled()).isFalse();
        assertThatThrownBy(() -> loader.load("p.yaml", GOOD + "onboarding:\n  grace-days: 0\n"))
                .hasMessageContaining("p.yaml:47: field 'onboarding.grace-days': must have a minimum value of 1");
        assertThatThrownBy(() -> loader.load("p.yaml", GOOD + "onboarding: {grace: 3}\n"))
                .hasMessageContaining("p.yaml:46: field 'onboarding.grace': is not a known field");
    }

    @Test
    void refusesABillionLaughsAliasBombBeforeExpandingIt() {
        StringBuilder bomb = new StringBuilder("policy: x\nversion: 1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("lol").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(8))
                    .append("*l").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> loader.load("bomb.yaml", bomb.toString()))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("bomb.yaml: refused: Number of aliases for non-scalar nodes exceeds the specified max=10")
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY);
    }

    @Test
    void refusesTenAliasesThatRepeatALargeListOnceExpanded() {
        String large = "policy: x\nversion: 1\nbig: &big [" + "a, ".repeat(20_000) + "a]\n"
                + "copies: [" + "*big, ".repeat(9) + "*big]\n";
        assertThatThrownBy(() -> loader.load("wide.yaml", large))
                .hasMessageContaining("wide.yaml: refused: the document expands to more than 100000 values");
    }

    @Test
    void refusesDeepNestingAndHugeFilesWithoutParsingThem() {
        assertThatThrownBy(() -> loader.load("deep.yaml", "policy: x\nversion: 1\nladders: " + "[".repeat(5000) + "]".repeat(5000)))
                .isInstanceOf(RecoupException.class).hasMessageContaining("deep.yaml: refused: Nesting Depth exceeded max 20");
        assertThatThrownBy(() -> loader.load("huge.yaml", GOOD + "# " + "x".repeat(PolicyLoader.MAX_CODE_POINTS)))
                .isInstanceOf(RecoupException.class).hasMessageContaining("huge.yaml:1: refused: the file has more than 1048576 characters");
    }
}
