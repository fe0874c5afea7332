package io.recoup.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundled template must open with a subject and use only placeholders that the dispatcher fills. */
class BundledTemplatesTest {
    private static final List<String> KNOWN = List.of("customer.name", "invoice.number", "invoice.due-date", "amount.open",
            "creditor.name", "creditor.iban", "creditor.bic", "payment.reference");

    @Test
    void everyTemplateHasASubjectAndOnlyKnownPlaceholders() throws IOException {
        Path root = Path.of("src/main/resources/recoup/templates");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        Pattern placeholder = Pattern.compile("\\$\\{([^}]+)}");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(file.toString()).startsWith("Subject: ");
            Matcher m = placeholder.matcher(text);
            while (m.find()) {
                assertThat(KNOWN).as(file + " uses ${" + m.group(1) + "}").contains(m.group(1));
            }
        }
    }

    @Test
    void defaultPolicyIsOnTheClasspathAndValid() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/recoup/policies/default.yaml")) {
            assertThat(in).isNotNull();
            var policy = new io.recoup.core.policy.PolicyLoader().load("default.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(policy.id()).isEqualTo("default");
            assertThat(policy.steps()).extracting(s -> s.timing()).containsExactly("due-3", "due", "due+3", "due+7");
        }
    }
}
