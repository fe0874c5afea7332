/**
 * The Spring Boot application: configuration and its validation, the wiring of stages and routes, the embedded
 * defaults (PostgreSQL, local mail sink) and the command-line jobs ({@code demo}, {@code serve}).
 */
package io.recoup.app;
