/**
 * The admin REST API (HTTP Basic, {@code recoup.admin.*}): what people record to pause or steer dunning, why an item
 * was or was not contacted, and the finance dashboard. Uses the store's repositories; no rules of its own.
 */
package io.recoup.app.api;
