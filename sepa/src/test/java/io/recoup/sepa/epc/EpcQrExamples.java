package io.recoup.sepa.epc;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Payloads shared by the tests and the sample writer: the DOMAIN.md examples, a UTF-8 one, the largest all-ASCII one
 * (331 bytes) and the largest one outside ASCII (330 bytes, so the UTF-8 declaration fits).
 */
final class EpcQrExamples {
    private EpcQrExamples() {
    }

    /** DOMAIN.md §1, Wikipedia/EPC sample (version 001). */
    static EpcQrPayload redCross() {
        return EpcQrPayload.builder().version("001").bic(new Bic("BPOTBEB1")).beneficiaryName("Red Cross of Belgium")
                .iban(new Iban("BE72000000001616")).amount(new BigDecimal("1")).purpose("CHAR").text("Urgency fund")
                .information("Sample EPC QR code").build();
    }

    /** DOMAIN.md §1, the Recoup-style example (version 002, no BIC, RF reference). */
    static EpcQrPayload musterGmbh() {
        return EpcQrPayload.builder().beneficiaryName("Muster GmbH").iban(new Iban("DE89370400440532013000"))
                .amount(new BigDecimal("149.90")).reference(CreditorReference.parse("RF98INV2026000123"))
                .information("Invoice INV-2026-000123").build();
    }

    static EpcQrPayload withUmlauts() {
        return EpcQrPayload.builder().beneficiaryName("Bäckerei Müller & Söhne GmbH")
                .iban(new Iban("DE89370400440532013000")).amount(new BigDecimal("12.5"))
                .text("Rechnung Nr. 4711 – Brötchen für März").build();
    }

    /** Exactly 331 bytes, the most a version 13 symbol at level M holds. */
    static EpcQrPayload largest() {
        EpcQrPayload.Builder builder = EpcQrPayload.builder().bic(new Bic("COBADEFFXXX"))
                .beneficiaryName("N".repeat(70)).iban(new Iban("DE89370400440532013000"))
                .amount(new BigDecimal("999999999.99")).purpose("GDDS").information("I".repeat(70));
        int base = builder.text("x").build().bytes().length - 1;
        return builder.text("T".repeat(EpcQrPayload.MAX_BYTES - base)).build();
    }

    /** {@code size} bytes with an Ä (two bytes in UTF-8) in the name; refused by the payload above its limit. */
    static EpcQrPayload outsideAscii(int size) {
        EpcQrPayload.Builder builder = EpcQrPayload.builder().bic(new Bic("COBADEFFXXX"))
                .beneficiaryName("Ä" + "N".repeat(68)).iban(new Iban("DE89370400440532013000"))
                .amount(new BigDecimal("999999999.99")).purpose("GDDS").information("I".repeat(70));
        int base = builder.text("x").build().bytes().length - 1;
        return builder.text("T".repeat(size - base)).build();
    }

    static EpcQrPayload largestOutsideAscii() {
        return outsideAscii(EpcQrPayload.MAX_BYTES_NON_ASCII);
    }

    static List<EpcQrPayload> all() {
        return List.of(redCross(), musterGmbh(), withUmlauts(), largest(), largestOutsideAscii());
    }

    static String utf8(EpcQrPayload payload) {
        return new String(payload.bytes(), StandardCharsets.UTF_8);
    }
}
