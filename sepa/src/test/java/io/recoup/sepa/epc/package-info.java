/**
 * Tests of the EPC QR code: the DOMAIN.md worked examples byte for byte, every EPC069-12 refusal, and PNGs decoded
 * by ZXing's own reader. {@link io.recoup.sepa.epc.EpcQrSamples} writes sample PNGs for scripts/check-epc-qr.sh.
 */
package io.recoup.sepa.epc;
