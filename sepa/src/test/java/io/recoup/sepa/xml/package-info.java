/** Tests of the shared XML plumbing: strict decoding of broken byte sequences and the element stack. */
package io.recoup.sepa.xml;
