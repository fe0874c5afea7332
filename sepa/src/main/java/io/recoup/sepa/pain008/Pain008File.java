package io.recoup.sepa.pain008;

import io.recoup.sepa.mandate.MandateScheme;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A pain.008 file that passed XSD validation: only {@link Pain008Writer} creates one, so holding an instance means
 * the bytes are schema-valid. The bytes are UTF-8 XML; {@link #xml()} returns a copy. A file is one message and
 * carries one local instrument ({@link #scheme()}).
 */
public final class Pain008File {
    private final String messageId;
    private final Pain008Version version;
    private final MandateScheme scheme;
    private final byte[] xml;
    private final int numberOfTransactions;
    private final BigDecimal controlSum;
    private final List<String> paymentInformationIds;

    Pain008File(String messageId, Pain008Version version, MandateScheme scheme, byte[] xml, int numberOfTransactions,
            BigDecimal controlSum, List<String> paymentInformationIds) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.version = Objects.requireNonNull(version, "version");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.xml = xml.clone();
        this.numberOfTransactions = numberOfTransactions;
        this.controlSum = Objects.requireNonNull(controlSum, "controlSum");
        this.paymentInformationIds = List.copyOf(paymentInformationIds);
    }

    public String messageId() {
        return messageId;
    }

    public Pain008Version version() {
        return version;
    }

    /**
     * The local instrument ({@code PmtInf/PmtTpInf/LclInstrm/Cd}) of every block in this file. Banks take CORE and
     * B2B as separate orders: German banks as EBICS order types CDD (CORE) and CDB (B2B).
     */
    public MandateScheme scheme() {
        return scheme;
    }

    public byte[] xml() {
        return xml.clone();
    }

    public String xmlText() {
        return new String(xml, StandardCharsets.UTF_8);
    }

    public int numberOfTransactions() {
        return numberOfTransactions;
    }

    public BigDecimal controlSum() {
        return controlSum;
    }

    public List<String> paymentInformationIds() {
        return paymentInformationIds;
    }

    /** A file name the outbox can use: message id with '/' and other non-file characters replaced, plus {@code .xml}. */
    public String fileName() {
        return messageId.replaceAll("[^A-Za-z0-9.-]", "_") + "." + version.messageName() + ".xml";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pain008File file && file.messageId.equals(messageId) && Arrays.equals(file.xml, xml);
    }

    @Override
    public int hashCode() {
        return 31 * messageId.hashCode() + Arrays.hashCode(xml);
    }

    @Override
    public String toString() {
        return "Pain008File[" + messageId + ", " + version.messageName() + ", " + scheme + ", " + numberOfTransactions
                + " tx, EUR " + controlSum.toPlainString() + "]";
    }
}
