/** The one money type: an exact amount at its currency's scale. Uses only the JDK. */
package io.recoup.core.money;
