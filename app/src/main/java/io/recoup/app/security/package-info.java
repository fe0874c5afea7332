/**
 * Who may do what over HTTP: the roles ({@code viewer}, {@code finance}, {@code admin}, {@code metrics}) and the
 * declared table of which route needs which, the users (configured, stored, or the first admin made on the first
 * start), API tokens and OIDC bearer tokens, and refusals as {@code application/problem+json}. Uses the store's
 * {@code access} repositories and Spring Security; no rules of the domain.
 */
package io.recoup.app.security;
