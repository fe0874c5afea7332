package io.recoup.sepa.pain008;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.MandateAmendment;
import java.util.ArrayList;
import java.util.List;

/**
 * The party-shaped parts of pain.008 that creditor and debtor share: name and postal address, account, agent and
 * scheme identification, and the mandate amendment details. Element paths are relative to the party element.
 */
final class PartyXml {
    /** EPC130-08: the agent's {@code FinInstnId/Othr/Id} when the BIC is not given (IBAN-only, EEA). */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    private final XmlOut out;
    private final Pain008Options options;
    private final CleanText clean;

    PartyXml(XmlOut out, Pain008Options options) {
        this.out = out;
        this.options = options;
        this.clean = new CleanText(options.charsetPolicy());
    }

    /** {@code Nm} and, as the bank's address style says, {@code PstlAdr}. */
    void party(String element, String name, PostalAddress address, String where) {
        out.open(element);
        String label = element.equals("Dbtr") ? "debtor name" : element.equals("Cdtr") ? "creditor name" : "name";
        out.leaf("Nm", clean.apply(label, name, Texts.NAME_MAX, where));
        if (address != null && options.addressStyle() != AddressStyle.NONE) {
            address(address, where);
        }
        out.close();
    }

    /** {@code <element>/Id/IBAN}. */
    void account(String element, Iban iban) {
        out.open(element).open("Id").leaf("IBAN", iban.value()).close().close();
    }

    /** {@code <element>/FinInstnId/BICFI} (or {@code BIC} in 001.02), or {@code Othr/Id = NOTPROVIDED}. */
    void agent(String element, Bic bic) {
        out.open(element).open("FinInstnId");
        if (bic != null) {
            out.leaf(options.version().agentBicElement(), bic.value());
        } else {
            out.open("Othr").leaf("Id", NOT_PROVIDED).close();
        }
        out.close().close();
    }

    /** {@code <element>/Id/PrvtId/Othr/{Id, SchmeNm/Prtry=SEPA}} (EPC130-08 creditor identifier). */
    void schemeId(String element, CreditorIdentifier creditorId) {
        out.open(element).open("Id").open("PrvtId").open("Othr")
                .leaf("Id", creditorId.value())
                .open("SchmeNm").leaf("Prtry", "SEPA").close()
                .close().close().close().close();
    }

    /** {@code MndtRltdInf/AmdmntInfDtls}, in the schema's order: OrgnlMndtId, OrgnlCdtrSchmeId, OrgnlDbtrAcct. */
    void amendment(MandateAmendment amendment) {
        out.open("AmdmntInfDtls");
        if (amendment.originalReference() != null) {
            out.leaf("OrgnlMndtId", amendment.originalReference().value());
        }
        if (amendment.originalCreditorId() != null) {
            schemeId("OrgnlCdtrSchmeId", amendment.originalCreditorId());
        }
        if (amendment.originalDebtorIban() != null) {
            out.open("OrgnlDbtrAcct").open("Id");
            if (amendment.debtorBankChanged()) {
                out.open("Othr").leaf("Id", MandateAmendment.SAME_MANDATE_NEW_DEBTOR_AGENT).close();
            } else {
                out.leaf("IBAN", amendment.originalDebtorIban().value());
            }
            out.close().close();
        }
        out.close();
    }

    private void address(PostalAddress address, String where) {
        out.open("PstlAdr");
        if (options.version() == Pain008Version.V02) {
            out.leaf("Ctry", address.country());
            for (String line : linesFor02(address, where)) {
                out.leaf("AdrLine", clean.apply("address line", line, 70, where));
            }
        } else if (address.isUnstructured()) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, where + ": an address of country and address"
                    + " lines only is no longer allowed from 15 November 2026 (EPC); give at least town and country");
        } else if (options.addressStyle() == AddressStyle.STRUCTURED) {
            if (!address.isFullyStructured()) {
                throw new SepaException(SepaErrorCode.INVALID_COLLECTION, where + ": the bank wants fully structured"
                        + " addresses, but this one has address lines " + address.addressLines());
            }
            structuredPart(address, where, true);
            out.leaf("Ctry", address.country());
        } else {
            structuredPart(address, where, false);
            out.leaf("Ctry", address.country());
            for (String line : hybridLines(address, where)) {
                out.leaf("AdrLine", clean.apply("address line", line, 70, where));
            }
        }
        out.close();
    }

    private void structuredPart(PostalAddress address, String where, boolean withStreet) {
        if (withStreet) {
            out.leaf("StrtNm", clean.apply("street name", address.streetName(), 70, where));
            out.leaf("BldgNb", clean.apply("building number", address.buildingNumber(), 16, where));
        }
        out.leaf("PstCd", clean.apply("post code", address.postCode(), 16, where));
        out.leaf("TwnNm", clean.apply("town name", address.townName(), 35, where));
    }

    /** Hybrid: street and building on the first line, then the given lines; at most two in all. */
    private static List<String> hybridLines(PostalAddress address, String where) {
        List<String> lines = new ArrayList<>(2);
        String street = join(address.streetName(), address.buildingNumber());
        if (street != null) {
            lines.add(street);
        }
        lines.addAll(address.addressLines());
        return atMostTwo(lines, where);
    }

    /** 001.02 (EPC IG 9.x, DK): "street number" and "post code town", or the given lines. */
    private static List<String> linesFor02(PostalAddress address, String where) {
        List<String> lines = new ArrayList<>(2);
        String street = join(address.streetName(), address.buildingNumber());
        if (street != null) {
            lines.add(street);
        }
        lines.addAll(address.addressLines());
        String town = join(address.postCode(), address.townName());
        if (town != null) {
            lines.add(town);
        }
        return atMostTwo(lines, where);
    }

    private static List<String> atMostTwo(List<String> lines, String where) {
        if (lines.size() > 2) {
            throw new SepaException(SepaErrorCode.INVALID_COLLECTION, where + ": the address needs " + lines.size()
                    + " address lines " + lines + ", the format allows two");
        }
        return lines;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }
}
