package io.recoup.sepa;

/** Stable codes for everything the SEPA module refuses; messages may change, codes do not. */
public enum SepaErrorCode {
    /** Text that is not an ISO 11649 creditor reference (format or mod-97 check). */
    INVALID_CREDITOR_REFERENCE,
    /** Text that iban4j does not accept as an IBAN. */
    INVALID_IBAN,
    /** Text that is not an ISO 9362 business identifier code. */
    INVALID_BIC,
    /** Input that is not well-formed XML before the message could even be recognised. */
    MALFORMED_XML,
    /** XML that carries a DOCTYPE, entity declarations or external references; refused before anything is resolved. */
    UNSAFE_XML,
    /** Well-formed XML that is not a message this module reads (for example not a camt.052/053/054 Document). */
    UNSUPPORTED_MESSAGE,
    /** The input stream itself failed (an I/O error, not a problem of the file's content). */
    READ_FAILED,
    /** Text that is not a SEPA creditor identifier (EPC262-08: format or ISO 7064 check digits). */
    INVALID_CREDITOR_IDENTIFIER,
    /** Text that is not a usable unique mandate reference (length, SEPA character set, '/' rules). */
    INVALID_MANDATE_REFERENCE,
    /** Text that is not a usable end-to-end identification (length, SEPA character set, '/' rules). */
    INVALID_END_TO_END_ID,
    /** An amount outside what a SEPA euro payment can carry (0.01 to 999999999.99, at most two decimals). */
    INVALID_AMOUNT,
    /** Free text that does not fit its field: too long, or characters outside the character set in force. */
    INVALID_TEXT,
    /** An EPC QR payload that breaks a rule of EPC069-12; the message names the rule. */
    EPC_QR_RULE,
    /** The QR encoder could not produce the image (for example the payload needs a version above 13). */
    QR_IMAGE_FAILED,
    /** Mandate data that cannot exist together (for example a one-off mandate asked for a recurrent sequence). */
    INVALID_MANDATE,
    /** An event the mandate's current state does not allow; see {@code IllegalMandateTransition}. */
    ILLEGAL_MANDATE_TRANSITION,
    /** A collection on a mandate that has lapsed under the 36-month rule of the SDD rulebooks. */
    MANDATE_EXPIRED,
    /** A requested collection date that is not at least one TARGET business day after the submission date. */
    COLLECTION_DATE_TOO_EARLY,
    /** A collection that cannot go into the file as asked (wrong creditor, missing address, too many parts). */
    INVALID_COLLECTION,
    /** A generated file that the official XSD rejects; the message lists every schema error with line and column. */
    SCHEMA_INVALID,
    /** The XSD to validate against cannot be found or compiled. */
    SCHEMA_UNAVAILABLE,
    /** Writing the XML failed inside the StAX writer (a bug or an exhausted resource, not bad input). */
    WRITE_FAILED
}
