package io.recoup.app.api;

import io.recoup.routes.dispatch.LinkVisits;
import io.recoup.routes.dispatch.LinkVisits.Visit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links in customers' messages, open without a login (the signed token is the credential): {@code GET /pay/<token>}
 * records that the payment link was opened and redirects (302) to the provider's page (made again if it expired; a
 * page saying the invoices are paid when nothing is open any more, or to try again later, 503, when the provider
 * cannot make it now, rather than a dead provider page); {@code GET /unsubscribe/<token>}
 * shows a page with one button, and {@code POST /unsubscribe/<token>} (that button, or a mail client's RFC 8058
 * one-click post of {@code List-Unsubscribe=One-Click}) opts the customer out of e-mail. A GET never unsubscribes, as
 * mail scanners open links on their own. A token that is not genuine is 404 with no detail; the pages show nothing
 * about the customer.
 */
@RestController
public class CustomerLinkController {
    private static final String PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String NOT_VALID = page("Link not valid", "<p>This link is not valid.</p>");
    private static final String ALREADY_PAID = page("Already paid", "<p>The invoices of this reminder are paid: there is "
            + "nothing left to pay. Thank you.</p>");
    private static final String PAY_LATER = page("Payment page not available", "<p>The payment page cannot be opened right "
            + "now. Please open this link again in a few minutes, or pay by bank transfer with the details in the reminder.</p>");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final LinkVisits visits;

    public CustomerLinkController(LinkVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/pay/{token}")
    public ResponseEntity<String> pay(@PathVariable String token) {
        Visit visit = visits.open(token);
        if (visit instanceof Visit.Redirect redirect) {
            return ResponseEntity.status(HttpStatus.FOUND).location(redirect.to())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
        }
        if (visit instanceof Visit.AlreadyPaid) {
            return html(HttpStatus.OK, ALREADY_PAID);
        }
        if (visit instanceof Visit.Unavailable) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").contentType(HTML)
                    .header("Content-Security-Policy", PAGE_CSP).header(HttpHeaders.CACHE_CONTROL, "no-store").body(PAY_LATER);
        }
        return notFound();
    }

    @GetMapping("/unsubscribe/{token}")
    public ResponseEntity<String> confirm(@PathVariable String token) {
        if (!visits.isUnsubscribe(token)) {
            return notFound();
        }
        return html(HttpStatus.OK, page("Unsubscribe", "<p>Stop receiving payment reminders by e-mail?</p><form method=\"post\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"/>"
                + "<button type=\"submit\">Unsubscribe</button></form>"));
    }

    @PostMapping("/unsubscribe/{token}")
    public ResponseEntity<String> unsubscribe(@PathVariable String token) {
        if (!visits.unsubscribe(token)) {
            return notFound();
        }
        return html(HttpStatus.OK, page("Unsubscribed", "<p>You will not receive payment reminders by e-mail any more. "
                + "Open invoices stay open: we may contact you another way.</p>"));
    }

    private static ResponseEntity<String> notFound() {
        return html(HttpStatus.NOT_FOUND, NOT_VALID);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", PAGE_CSP).header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>" + title + "</title></head><body>" + content
                + "</body></html>";
    }
}
