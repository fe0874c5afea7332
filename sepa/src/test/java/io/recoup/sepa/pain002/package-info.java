/** Tests of the pain.002 reader over every pain.002 fixture with known values, our own 001.03 file, hostile XML and mutations. */
package io.recoup.sepa.pain002;
