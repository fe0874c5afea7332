package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a generated file against its XSD and refuses it with every schema error, each with line and column.
 * All errors are collected (not just the first) so one run shows everything a clerk or developer must fix.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static void validate(byte[] xml, String messageId, Pain008Version version, SchemaSource schemas) {
        Validator validator = schemas.schema(version).newValidator();
        List<String> errors = new ArrayList<>();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collecting(errors));
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            // A fatal error stops the validator; the handler has normally recorded it already.
            String fatal = describe(e);
            if (!errors.contains(fatal)) {
                errors.add(fatal);
            }
        } catch (SAXException | IOException e) {
            errors.add("validation stopped: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new SepaException(SepaErrorCode.SCHEMA_INVALID, version.messageName() + " file " + messageId
                    + " fails " + schemas.describe(version) + " with " + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + "; it was not written:\n  " + String.join("\n  ", errors));
        }
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }

    private record Collecting(List<String> errors) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            errors.add(describe(e) + " (warning)");
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            errors.add(describe(e));
            throw e;
        }
    }
}
