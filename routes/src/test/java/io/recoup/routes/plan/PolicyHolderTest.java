package io.recoup.routes.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.PolicyLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Whatever happens to the policy file between two planning runs, planning goes on with the policy in force, and the
 * refused change is read (and logged) once, not at every cycle.
 */
class PolicyHolderTest {
    static final String POLICY = """
            policy: house
            version: %d
            ladders:
              main:
                steps:
                  - {id: due-email, offset-days: 0, channels: [email], template: reminder-due}
            """;

    /** A policy file the test edits, deletes and restores; counts how often it is read. */
    static final class EditedFile implements PolicyHolder.Source {
        Supplier<String> text = () -> POLICY.formatted(1);
        Supplier<Object> stamp = () -> 1;
        int reads;

        @Override
        public String name() {
            return "house.yaml";
        }

        @Override
        public String text() {
            reads++;
            return text.get();
        }

        @Override
        public Object stamp() {
            return stamp.get();
        }

        void change(Object newStamp, Supplier<String> newText) {
            stamp = () -> newStamp;
            text = newText;
        }
    }

    private final EditedFile file = new EditedFile();
    private final PolicyHolder holder = new PolicyHolder(PolicyLoader.withBundledSchema(), Set.of(Channel.EMAIL), file);

    private String versionInForce() {
        DunningEngine engine = holder.get();
        return engine.policy().version();
    }

    @Test
    void keepsThePolicyInForceWhenTheFileIsDeletedAndReadsItOnce() {
        file.change("missing", () -> {
            throw new RecoupException(ErrorCode.INVALID_POLICY, "recoup.policy: cannot read house.yaml: the file is not there");
        });
        int readsBefore = file.reads;
        for (int cycle = 0; cycle < 5; cycle++) {
            assertThat(versionInForce()).isEqualTo("1");
        }
        assertThat(file.reads - readsBefore).isEqualTo(1);
        assertThat(holder.lastError()).get().asString().contains("the file is not there");

        file.change(2, () -> POLICY.formatted(2));
        assertThat(versionInForce()).isEqualTo("2");
        assertThat(holder.lastError()).isEmpty();
    }

    @Test
    void keepsThePolicyInForceWhenTheFileBecomesAnAliasBombOrIsNestedTooDeep() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ",").repeat(9)).append("]\n");
        }
        file.change("bomb", bomb::toString);
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(holder.lastError()).get().asString().contains("house.yaml: refused: Number of aliases");

        file.change("deep", () -> POLICY.formatted(3) + "x: " + "[".repeat(10_000) + "]".repeat(10_000));
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(holder.lastError()).get().asString().contains("house.yaml: refused: Nesting Depth exceeded");
    }

    @Test
    void keepsThePolicyInForceWhenTheStampCannotBeRead() {
        file.stamp = () -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("stale NFS file handle"));
        };
        int readsBefore = file.reads;
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(file.reads - readsBefore).isEqualTo(1);
    }

    @Test
    void forgetsTheRefusalWhenTheFileIsRestoredAsItWas() {
        file.change("missing", () -> {
            throw new java.io.UncheckedIOException(new java.io.FileNotFoundException("house.yaml"));
        });
        versionInForce();
        assertThat(holder.lastError()).isPresent();
        file.change(1, () -> POLICY.formatted(1));
        assertThat(versionInForce()).isEqualTo("1");
        assertThat(holder.lastError()).isEmpty();
    }
}
