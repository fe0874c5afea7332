package io.recoup.routes;

import io.recoup.sepa.Bic;
import io.recoup.sepa.Iban;

/** The company's own bank details, printed on every reminder so the customer can pay by transfer. */
public record CreditorDetails(String name, Iban iban, Bic bic) {}
