/**
 * The EPC QR code ("GiroCode", EPC069-12) that lets a payer scan a credit transfer from an invoice or reminder:
 * {@link io.recoup.sepa.epc.EpcQrPayload} builds and checks the twelve-line payload, naming the EPC rule behind every
 * refusal, and {@link io.recoup.sepa.epc.EpcQrImage} renders it as a PNG with ZXing (error correction M, version 13 at
 * most, a four-module quiet zone), as a 1-bit PNG it writes itself. Uses the root package's IBAN, BIC and creditor
 * reference types and ZXing core.
 */
package io.recoup.sepa.epc;
