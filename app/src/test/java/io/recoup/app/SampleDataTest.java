package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.camt.CamtDocument;
import io.recoup.sepa.camt.CamtReader;
import io.recoup.sepa.camt.CamtStatement;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled sample statements are what a bank would send: valid against the official XSD, balances adding up. */
class SampleDataTest {

    @ParameterizedTest
    @CsvSource({"2026-03-04-camt053.xml, camt.053.001.08.xsd", "2026-03-06-camt053.xml, camt.053.001.02.xsd"})
    void sampleStatementsValidateAgainstTheOfficialSchemaAndBalance(String file, String xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(Path.of(System.getProperty("recoup.fixtures"), "xsd", xsd).toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream in = getClass().getResourceAsStream("/sample/statements/" + file)) {
            validator.validate(new StreamSource(in));
        }
        try (InputStream in = getClass().getResourceAsStream("/sample/statements/" + file)) {
            CamtDocument document = new CamtReader().readAll(in, file);
            assertThat(document.summary().problems()).isEmpty();
            CamtStatement statement = document.statements().get(0);
            BigDecimal movement = statement.entries().stream().map(e -> e.signedAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(statement.closingBooked().orElseThrow().amount().subtract(statement.openingBooked().orElseThrow().amount()))
                    .isEqualByComparingTo(movement);
        }
    }
}
