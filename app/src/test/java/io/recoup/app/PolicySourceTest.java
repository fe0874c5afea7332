package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.RecoupException;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.routes.plan.PolicyHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file that is deleted while {@code serve} runs leaves the policy in force and planning going. */
class PolicySourceTest {
    @TempDir
    Path dir;

    @Test
    void aDeletedPolicyFileHasAStableStampAndARefusalThatNamesIt() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, new String(PolicySourceTest.class.getResourceAsStream("/recoup/policies/default.yaml").readAllBytes()));
        PolicySource source = new PolicySource(file.toUri().toString());
        PolicyHolder holder = new PolicyHolder(PolicyLoader.withBundledSchema(), Set.of(Channel.EMAIL), source);

        Files.delete(file);

        assertThat(source.stamp()).isEqualTo(PolicySource.MISSING).isEqualTo(source.stamp());
        assertThatThrownBy(source::text).isInstanceOf(RecoupException.class)
                .hasMessageContaining("recoup.policy: cannot read " + file.toUri()).hasMessageContaining("not there");
        assertThat(holder.get().policy().id()).isEqualTo("default");
        assertThat(holder.lastError()).get().asString().contains("not there");
        assertThat(holder.get().policy().id()).isEqualTo("default");
    }

    @Test
    void aClasspathPolicyIsPartOfTheReleaseSoItsStampIsItsNameAndAMissingOneStaysMissing() {
        PolicySource bundled = new PolicySource("classpath:recoup/policies/default.yaml");
        PolicySource absent = new PolicySource("classpath:recoup/policies/no-such-policy.yaml");

        // built from target/classes here, so a file behind it; read as a file, its stamp would be its time and size
        assertThat(bundled.stamp()).isEqualTo("classpath:recoup/policies/default.yaml").isEqualTo(bundled.stamp());
        assertThat(bundled.text()).contains("policy: default");
        assertThat(absent.stamp()).isEqualTo(PolicySource.MISSING);
        assertThatThrownBy(absent::text).isInstanceOf(RecoupException.class).hasMessageContaining("not there");
    }
}
