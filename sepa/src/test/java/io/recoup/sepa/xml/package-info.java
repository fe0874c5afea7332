/** Tests of the shared XML plumbing: strict decoding of broken byte sequences. */
package io.recoup.sepa.xml;
