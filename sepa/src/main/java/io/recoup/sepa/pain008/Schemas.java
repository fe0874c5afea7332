package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/** Compiles an XSD with external access switched off: the pain schemas import nothing, so nothing may be fetched. */
final class Schemas {
    private Schemas() {
    }

    static Schema compile(Source source, String description) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(source);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE,
                    "The JDK schema factory does not support locking down external access: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new SepaException(SepaErrorCode.SCHEMA_UNAVAILABLE, "Cannot compile " + description + ": " + e.getMessage(), e);
        }
    }
}
