package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A legal-letter escalation that names how it is delivered ({@code channels}, {@code letter}): read into the policy,
 * refused with its line and field where it cannot mean anything, and left as it was where it names neither.
 */
class LegalLetterEscalationPolicyTest {
    private final PolicyLoader loader = PolicyLoader.withBundledSchema();

    private static final String POLICY = """
            policy: letters
            version: 1
            ladders:
              main:
                steps:
                  - {id: due-email, offset-days: 0, channels: [email], template: reminder-due}
                  - {id: overdue-email, offset-days: 7, channels: [email], template: reminder-overdue, letter: pdf}
                escalation: ESCALATION
            """;

    private static String with(String escalation) {
        return POLICY.replace("ESCALATION", escalation);
    }

    @Test
    void readsTheChannelsAndTheLetterOfALegalLetterThatStaysFirm() {
        DunningPolicy p = loader.load("letters.yaml", with("{offset-days: 30, action: legal-letter, template: legal-letter, "
                + "channels: [letter, email], letter: pdf}"));
        Escalation e = p.ladder("main").escalation().orElseThrow();
        assertThat(e.channels()).containsExactly(Channel.LETTER, Channel.EMAIL);
        assertThat(e.letter()).contains(LetterFormat.PDF);
        assertThat(e.kind().firm()).isTrue();
        assertThat(p.ladder("main").occurrences()).last().satisfies(o -> {
            assertThat(o.key()).isEqualTo(Ladder.ESCALATION_KEY);
            assertThat(o.channels()).containsExactly(Channel.LETTER, Channel.EMAIL);
        });
        assertThat(p.letter(Ladder.ESCALATION_KEY)).contains(LetterFormat.PDF);
        assertThat(p.letter("overdue-email")).contains(LetterFormat.PDF);
        assertThat(p.letter("due-email")).isEmpty();
    }

    @Test
    void anEscalationThatNamesNoChannelsGoesOnItsKindsChannelWithNoLetterAsBefore() {
        DunningPolicy p = loader.load("letters.yaml", with("{offset-days: 30, action: legal-letter, template: legal-letter}"));
        Escalation e = p.ladder("main").escalation().orElseThrow();
        assertThat(e.channels()).containsExactly(Channel.LETTER);
        assertThat(e.letter()).isEmpty();
        assertThat(p.letter(Ladder.ESCALATION_KEY)).isEmpty();
        assertThat(loader.load("letters.yaml", with("{offset-days: 30, action: agency, template: escalation-agency}"))
                .ladder("main").occurrences()).last().satisfies(o -> assertThat(o.channels()).containsExactly(Channel.AGENCY));
    }

    @Test
    void refusesChannelsAndALetterOnAnEscalationThatIsWorkForAPersonNamingLineAndField() {
        String agency = with("\n      offset-days: 45\n      action: agency\n      template: escalation-agency\n"
                + "      channels: [email]\n      letter: pdf");
        assertThatThrownBy(() -> loader.load("agency.yaml", agency)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).extracting(PolicyProblem::describe).containsExactlyInAnyOrder(
                        "ladders.main.escalation.channels: only a legal letter is sent to the customer; a agency escalation is "
                                + "work for a person and names no channels (line 12, column 17)",
                        "ladders.main.escalation.letter: only a legal-letter escalation carries a letter, not a agency escalation"
                                + " (line 13, column 15)"));
    }

    @Test
    void refusesALegalLetterOnAChannelThatDoesNotReachTheCustomer() {
        String call = with("{offset-days: 30, action: legal-letter, template: legal-letter, channels: [letter, call]}");
        assertThatThrownBy(() -> loader.load("call.yaml", call)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("ladders.main.escalation.channels[1]");
                    assertThat(problem.line()).isEqualTo(8);
                    assertThat(problem.describe()).contains("channel 'call' does not reach the customer: a legal letter goes by "
                            + "letter, email, sms or whatsapp");
                }));
    }

    @Test
    void refusesAPdfLetterWithNoEmailToCarryIt() {
        String post = with("{offset-days: 30, action: legal-letter, template: legal-letter, channels: [letter], letter: pdf}");
        assertThatThrownBy(() -> loader.load("post.yaml", post)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("ladders.main.escalation.letter");
                    assertThat(problem.describe()).contains("a pdf letter reaches the customer attached to an e-mail: name email"
                            + " among the escalation's channels");
                }));
    }

    @Test
    void theSchemaRefusesAnUnknownLetterFormatAndAnEmptyChannelList() {
        String docx = with("{offset-days: 30, action: legal-letter, template: legal-letter, channels: [email], letter: docx}");
        assertThatThrownBy(() -> loader.load("docx.yaml", docx)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("ladders.main.escalation.letter");
                    assertThat(problem.line()).isEqualTo(8);
                }));
        String none = with("{offset-days: 30, action: legal-letter, template: legal-letter, channels: []}");
        assertThatThrownBy(() -> loader.load("none.yaml", none)).isInstanceOfSatisfying(InvalidPolicy.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem ->
                        assertThat(problem.field()).isEqualTo("ladders.main.escalation.channels")));
    }

    @Test
    void theBundledDefaultAndStrictPoliciesSendTheLegalLetterAsAPdfOnAnEmailAtDay30() throws IOException {
        for (String name : new String[] {"default", "strict"}) {
            DunningPolicy p = loader.load(name + ".yaml", bundled(name));
            Escalation e = p.ladders().values().iterator().next().escalation().orElseThrow();
            assertThat(e.offsetDays()).as(name).isEqualTo(30);
            assertThat(e.kind()).as(name).isEqualTo(Escalation.Kind.LEGAL_LETTER);
            assertThat(e.channels()).as(name).containsExactly(Channel.LETTER, Channel.EMAIL);
            assertThat(p.letter(Ladder.ESCALATION_KEY)).as(name).isEqualTo(Optional.of(LetterFormat.PDF));
            assertThat(p.lateCharges()).as(name).isPresent();
        }
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = LegalLetterEscalationPolicyTest.class.getResourceAsStream("/recoup/policies/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
