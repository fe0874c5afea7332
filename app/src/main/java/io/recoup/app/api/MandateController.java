package io.recoup.app.api;

import io.recoup.core.event.PersonEvent;
import io.recoup.routes.directdebit.DirectDebitStages;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateType;
import io.recoup.sepa.pain008.PostalAddress;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.plan.PauseRepository;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registers a signed SEPA mandate for a customer (direct debit on only): the creditor identifier is this company's,
 * the mandate is validated by the sepa module (IBAN, BIC, reference charset) and starts ACTIVE from its signature date.
 */
@RestController
@ConditionalOnProperty(prefix = "recoup.sepa", name = "creditor-identifier")
public class MandateController {
    private final Database db;
    private final DirectDebitStages directDebit;
    private final CreditorIdentifier creditorId;

    public MandateController(Database db, DirectDebitStages directDebit, @Value("${recoup.sepa.creditor-identifier}") String creditorId) {
        this.db = db;
        this.directDebit = directDebit;
        this.creditorId = CreditorIdentifier.parse(creditorId);
    }

    /** The mandate as signed by the debtor; {@code bic} may be empty inside the EEA, {@code address} is needed outside it. */
    public record MandateRequest(String reference, String debtorName, String iban, String bic, LocalDate signedOn, String scheme,
                                 String type, Address address) {
        /** The debtor's structured postal address. */
        public record Address(String street, String building, String postCode, String town, String country) {}
    }

    @PostMapping("/api/customers/{source}/{id}/mandates")
    public ResponseEntity<Map<String, Object>> register(@PathVariable String source, @PathVariable String id,
                                                        @RequestBody MandateRequest body, Principal who) {
        long customer = new PauseRepository(db).customerId(source, id)
                .orElseThrow(() -> new AdminController.NotFound("no customer " + source + ":" + id));
        if (body.signedOn() == null) {
            throw new IllegalArgumentException("signedOn: is required");
        }
        Mandate mandate = Mandate.create(creditorId, new MandateReference(required(body.reference(), "reference").strip()),
                required(body.debtorName(), "debtorName"), Iban.parse(required(body.iban(), "iban")),
                body.bic() == null || body.bic().isBlank() ? null : Bic.parse(body.bic()),
                MandateScheme.valueOf(upper(body.scheme(), "CORE")), MandateType.valueOf(upper(body.type(), "RECURRENT")))
                .sign(body.signedOn());
        PostalAddress address = body.address() == null ? null : PostalAddress.structured(body.address().street(),
                body.address().building(), body.address().postCode(), body.address().town(), body.address().country());
        long mandateId = db.inTransaction(() -> {
            long n = directDebit.mandates().register(customer, mandate, address);
            new EventLog(db).append(new PersonEvent.MandateRegistered(who.getName(), n, body.reference(), body.signedOn()));
            return n;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", mandateId, "state", mandate.state().name()));
    }

    @ExceptionHandler({SepaException.class, IllegalArgumentException.class})
    public ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(AdminController.NotFound.class)
    public ResponseEntity<Map<String, String>> notFound(AdminController.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
