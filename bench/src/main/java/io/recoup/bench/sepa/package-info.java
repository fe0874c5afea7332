/**
 * Benchmarks of the sepa module: {@link io.recoup.bench.sepa.CamtReaderBench} measures the camt reader's throughput
 * against a bare StAX pass and its heap on a 1 GB statement. Generated data only; uses the sepa module and the JDK.
 */
package io.recoup.bench.sepa;
