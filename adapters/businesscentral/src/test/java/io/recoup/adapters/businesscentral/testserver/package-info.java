/**
 * An in-process Business Central for tests and the bench: Apache Olingo's OData v4 server on embedded Tomcat, serving
 * the real API v2.0 metadata from {@code shared/fixtures/businesscentral} over data the test controls
 * ({@link io.recoup.adapters.businesscentral.testserver.BcData}), with {@code $filter}, {@code $select},
 * {@code $expand=customer}, server-driven paging that honours {@code Prefer: odata.maxpagesize}, an OAuth2 token
 * endpoint, a log of every request and injected faults (500, 429 with Retry-After, a connection dropped mid-page or
 * after a write, expired tokens). Published in the module's test-jar.
 */
package io.recoup.adapters.businesscentral.testserver;
