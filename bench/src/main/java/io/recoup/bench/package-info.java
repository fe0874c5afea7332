/**
 * Benchmarks, run together by {@link io.recoup.bench.BenchMain}. Each prints its figures as a ratio against a
 * baseline measured in the same run on the same data, so the numbers mean something on any machine.
 */
package io.recoup.bench;
