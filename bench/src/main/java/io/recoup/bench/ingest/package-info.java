/** Ingest benchmarks: a source read over an API (the in-test Business Central) and a CSV export, against COPY. */
package io.recoup.bench.ingest;
