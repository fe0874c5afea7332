package io.recoup.routes.dispatch;

import io.recoup.core.id.NoticeId;
import io.recoup.core.link.LinkTokens;
import io.recoup.core.port.PaymentLinkIssuer.PaymentLink;
import java.net.URI;
import java.util.Objects;

/**
 * The links of a message that lead back to this instance ({@code <public-url>/pay/<token>} and
 * {@code /unsubscribe/<token>}), each with a signed token naming only its notice (and provider). A payment link goes
 * through our redirect because no provider tells when its hosted page was opened: the redirect records the click (a
 * fact a policy step may be skipped on) and sends the browser on to the provider. Without a public URL there are
 * none: payment links go straight to the provider and the unsubscribe header is a mail address.
 */
public record PublicLinks(URI base, LinkTokens tokens) {
    public PublicLinks {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tokens, "tokens");
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("the public URL is an http(s) address, not " + base);
        }
        base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    /** {@code link} as the message shows it: through our redirect, which records the click. */
    PaymentLink tracked(NoticeId notice, PaymentLink link) {
        return new PaymentLink(link.provider(), link.id(), pay(notice, link.provider()), link.expiresAt());
    }

    public URI pay(NoticeId notice, String provider) {
        return URI.create(base + "/pay/" + tokens.sign(LinkTokens.Target.pay(notice.value(), provider)));
    }

    public URI unsubscribe(NoticeId notice) {
        return URI.create(base + "/unsubscribe/" + tokens.sign(LinkTokens.Target.unsubscribe(notice.value())));
    }
}
