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
    READ_FAILED
}
