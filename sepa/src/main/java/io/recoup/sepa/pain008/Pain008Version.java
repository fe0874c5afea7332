package io.recoup.sepa.pain008;

/**
 * The pain.008 versions Recoup writes. 001.08 (ISO 20022 2019 message set) is what the EPC 2023 and later rulebooks
 * require and the default; 001.02 (ISO 2009) is for banks that still accept it in the customer-to-bank space
 * (DOMAIN.md §3.5). The German pain.008.003.02 is not offered: no XSD of it is at hand to validate against.
 */
public enum Pain008Version {
    V08("urn:iso:std:iso:20022:tech:xsd:pain.008.001.08", "pain.008.001.08", "BICFI"),
    V02("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02", "pain.008.001.02", "BIC");

    private final String namespace;
    private final String messageName;
    private final String agentBicElement;

    Pain008Version(String namespace, String messageName, String agentBicElement) {
        this.namespace = namespace;
        this.messageName = messageName;
        this.agentBicElement = agentBicElement;
    }

    public String namespace() {
        return namespace;
    }

    /** E.g. {@code pain.008.001.08}; the XSD file is this name plus {@code .xsd}. */
    public String messageName() {
        return messageName;
    }

    /** {@code FinInstnId/BICFI} in 001.08, {@code FinInstnId/BIC} in 001.02. */
    public String agentBicElement() {
        return agentBicElement;
    }

    public static Pain008Version fromNamespace(String uri) {
        for (Pain008Version version : values()) {
            if (version.namespace.equals(uri)) {
                return version;
            }
        }
        return null;
    }
}
