/**
 * The finance dashboard's pages under {@code /ui}: rendered on the server (Thymeleaf), with htmx and uPlot served from
 * the jar. Its own sign-in (form login, CSRF on, {@link io.recoup.app.ui.UiSecurity}); it reads through the store's
 * {@code report} package and acts through the same services and controllers as the admin API, so a change made on a
 * page is checked, logged and audited like one made through the API.
 */
package io.recoup.app.ui;
