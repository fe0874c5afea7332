/**
 * The Apache Camel routes that run the collection cycle (ingest, plan, dispatch, receive, match, post back) and the
 * stage services they call as beans. Rules live in connector-core; rows live in the store; this package moves data
 * between them, one transaction per unit of work.
 */
package io.recoup.routes;
