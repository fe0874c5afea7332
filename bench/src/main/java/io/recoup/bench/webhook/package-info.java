/**
 * The webhooks benchmark: the real application (Spring Boot, embedded PostgreSQL, Stripe configured with a test
 * secret) on a random port, beside a bare endpoint the bench registers on the same server, both driven by the same
 * bounded local load. Uses the application's classes, the JDK's HttpClient and nothing of Stripe's.
 */
package io.recoup.bench.webhook;
