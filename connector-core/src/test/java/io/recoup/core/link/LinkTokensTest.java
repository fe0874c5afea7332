package io.recoup.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.link.LinkTokens.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkTokensTest {
    final LinkTokens tokens = new LinkTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSignedTokenNamesWhatItWasSignedFor() {
        assertThat(tokens.verify(tokens.sign(Target.pay(42, "stripe")))).contains(Target.pay(42, "stripe"));
        assertThat(tokens.verify(tokens.sign(Target.unsubscribe(7)))).contains(Target.unsubscribe(7));
        assertThat(tokens.sign(Target.unsubscribe(7))).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}");
    }

    @Test
    void refusesATokenForAnotherNoticeMadeByChangingTheNumber() {
        String genuine = tokens.sign(Target.unsubscribe(7));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("u8".getBytes(StandardCharsets.US_ASCII))
                + genuine.substring(genuine.indexOf('.'));
        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        LinkTokens other = new LinkTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(tokens.verify(other.sign(Target.pay(42, "stripe")))).isEmpty();
    }

    @Test
    void refusesMalformedEmptyAndOverlongTokensWithoutThrowing() {
        String genuine = tokens.sign(Target.pay(42, "gocardless"));
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(".")).isEmpty();
        assertThat(tokens.verify("!!!.???")).isEmpty();
        assertThat(tokens.verify(genuine + ".x")).isEmpty();
        assertThat(tokens.verify(genuine.substring(0, genuine.length() - 1))).isEmpty();
        assertThat(tokens.verify(genuine + "A".repeat(LinkTokens.MAX_LENGTH))).isEmpty();
    }

    @Test
    void refusesAShortKeyAndAPaymentLinkWithoutProvider() {
        assertThatThrownBy(() -> new LinkTokens(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Target.pay(1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Target(LinkTokens.Purpose.UNSUBSCRIBE, 1, "stripe")).isInstanceOf(IllegalArgumentException.class);
    }
}
