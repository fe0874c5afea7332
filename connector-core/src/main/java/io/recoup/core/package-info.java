/**
 * Recoup's domain in plain Java: money, open items, customers, the dunning policy engine, the payment matcher and
 * the ports that adapters implement. Nothing here may use Spring, Camel, HTTP or SQL; time always comes from an
 * injected {@link java.time.Clock} or a date passed in.
 */
package io.recoup.core;
