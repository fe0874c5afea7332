/**
 * The links Recoup puts into messages and answers itself (a payment link's redirect, the unsubscribe link): what each
 * names and the signature that keeps them from being forged or counted through. Plain Java and the JDK's HMAC only.
 */
package io.recoup.core.link;
