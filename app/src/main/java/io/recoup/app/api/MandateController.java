package io.recoup.app.api;

import io.recoup.core.event.PersonEvent;
import io.recoup.routes.directdebit.DirectDebitStages;
import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateType;
import io.recoup.sepa.pain008.PostalAddress;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.access.AuditSnapshots;
import io.recoup.store.plan.PauseRepository;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    /** SEPA's limits: Mandate Identification is Max35Text, the debtor's name Max70Text. */
    private static final int MAX_REFERENCE = 35;
    private static final int MAX_NAME = 70;

    private final Database db;
    private final DirectDebitStages directDebit;
    private final CreditorIdentifier creditorId;
    private final Clock clock;
    private final AuditTrail audit;

    public MandateController(Database db, DirectDebitStages directDebit, @Value("${recoup.sepa.creditor-identifier}") String creditorId,
                             Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.directDebit = directDebit;
        this.creditorId = CreditorIdentifier.parse(creditorId);
        this.clock = clock;
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
                .orElseThrow(() -> new NotFound("no customer " + source + ":" + id));
        Mandate mandate = mandate(body);
        PostalAddress address = body.address() == null ? null : RequestChecks.parsed("address", () -> PostalAddress.structured(
                body.address().street(), body.address().building(), body.address().postCode(), body.address().town(),
                body.address().country()));
        long mandateId = audit.change(who, "customer.mandate", "customer " + source + ":" + id,
                () -> new AuditSnapshots(db).customer(customer), () -> {
            long n = directDebit.mandates().register(customer, mandate, address);
            new EventLog(db).append(new PersonEvent.MandateRegistered(who.getName(), n, body.reference(), body.signedOn()));
            return n;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", mandateId, "state", mandate.state().name()));
    }

    /** The mandate as signed, each field checked by the sepa module's types and refused by name. */
    private Mandate mandate(MandateRequest body) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        RequestChecks check = new RequestChecks(today);
        String reference = check.text(body.reference(), "reference", MAX_REFERENCE);
        String debtorName = check.text(body.debtorName(), "debtorName", MAX_NAME);
        String iban = check.required(body.iban(), "iban");
        LocalDate signedOn = check.required(body.signedOn(), "signedOn");
        if (signedOn != null && signedOn.isAfter(today)) {
            check.refuse("signedOn", signedOn + " is in the future (today is " + today + ")");
        }
        MandateScheme scheme = isBlank(body.scheme()) ? MandateScheme.CORE : check.oneOf(MandateScheme.class, body.scheme(), "scheme");
        MandateType type = isBlank(body.type()) ? MandateType.RECURRENT : check.oneOf(MandateType.class, body.type(), "type");
        check.refuseIfAny();
        MandateReference ref = RequestChecks.parsed("reference", () -> new MandateReference(reference.strip()));
        Iban account = RequestChecks.parsed("iban", () -> Iban.parse(iban));
        Bic bic = isBlank(body.bic()) ? null : RequestChecks.parsed("bic", () -> Bic.parse(body.bic()));
        return RequestChecks.parsed("body", () -> Mandate.create(creditorId, ref, debtorName, account, bic, scheme, type).sign(signedOn));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
