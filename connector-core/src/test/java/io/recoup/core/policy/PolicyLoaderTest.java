package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void loadsStepsOrderedByOffset() {
        CollectionPolicy policy = loader.load("p.yaml", """
                policy: default
                version: 3
                steps:
                  - id: due-email
                    offset-days: 0
                    channel: email
                    template: reminder-due
                  - id: pre-due-email
                    offset-days: -3
                    channel: EMAIL
                    template: reminder-pre-due
                """);
        assertThat(policy.id()).isEqualTo("default");
        assertThat(policy.version()).isEqualTo("3");
        assertThat(policy.steps()).extracting(PolicyStep::id).containsExactly("pre-due-email", "due-email");
        assertThat(policy.steps().get(0).channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void rejectsUnknownChannelNamingLineAndField() {
        assertThatThrownBy(() -> loader.load("bad.yaml", """
                policy: default
                version: 1
                steps:
                  - id: a
                    offset-days: 0
                    channel: pigeon
                    template: t
                """))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("bad.yaml:6: field 'channel': unknown channel 'pigeon'");
    }

    @Test
    void rejectsOverlappingStepsAndReportsEveryProblem() {
        assertThatThrownBy(() -> loader.load("bad.yaml", """
                policy: default
                version: 1
                steps:
                  - id: a
                    offset-days: 0
                    channel: email
                    template: t
                  - id: a
                    offset-days: 0
                    channel: email
                    template: t
                  - id: c
                    offset-days: soon
                    channel: email
                """))
                .hasMessageContaining("bad.yaml:8: field 'id': step id 'a' is used twice")
                .hasMessageContaining("bad.yaml:8: field 'offset-days': another step already fires at day 0")
                .hasMessageContaining("bad.yaml:13: field 'offset-days': 'soon' is not a whole number")
                .hasMessageContaining("bad.yaml:12: field 'template' is missing");
    }

    @Test
    void rejectsMalformedYamlWithItsLine() {
        assertThatThrownBy(() -> loader.load("broken.yaml", "policy: x\nversion: 1\nsteps: [\n  {id: a\n"))
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY);
        assertThatThrownBy(() -> loader.load("broken.yaml", "policy: x\nversion: 1\nsteps: [\n  {id: a\n"))
                .hasMessageContaining("broken.yaml:").hasMessageContaining("malformed YAML");
    }

    @Test
    void rejectsMissingSteps() {
        assertThatThrownBy(() -> loader.load("p.yaml", "policy: x\nversion: 1\n"))
                .hasMessageContaining("p.yaml:1: field 'steps' is missing");
    }
}
