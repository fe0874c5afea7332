package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.XmlProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML is refused with UNSAFE_XML before anything it points at is read. The proofs are direct: a secret in a
 * temp file never shows up in anything the reader returns, and a local server socket never sees a connection. The
 * socket is non-blocking and checked right after the reading returned; a connection the parser had opened would
 * already sit in its accept queue, so no waiting or timing is involved.
 */
class CamtXmlSafetyTest {
    private static final String SECRET = "recoup-secret-7f3a9c";

    private ServerSocketChannel server;
    private final List<Object> delivered = new ArrayList<>();

    @BeforeEach
    void openLocalServer() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
    }

    @AfterEach
    void closeLocalServer() throws IOException {
        server.close();
    }

    @Test
    void refusesAnExternalEntityPointingAtALocalFileWithoutReadingIt(@TempDir Path directory) throws IOException {
        Path secretFile = Files.writeString(directory.resolve("secret.txt"), SECRET);
        String xml = CamtFixtures.resource("camt053/xxe-local-file/statement.xml")
                .replace("TARGET", secretFile.toUri().toString());

        SepaException refused = refuse(xml);

        assertThat(refused.code()).isEqualTo(SepaErrorCode.UNSAFE_XML);
        assertThat(refused).hasMessageContaining("DOCTYPE");
        assertThat(describe(refused)).doesNotContain(SECRET);
        assertThat(delivered).isEmpty();
    }

    @Test
    void refusesAnExternalEntityPointingAtAnHttpUrlWithoutConnecting() throws IOException {
        String xml = CamtFixtures.resource("camt053/xxe-http/statement.xml").replace("TARGET", localUrl("/secret"));

        SepaException refused = refuse(xml);

        assertThat(refused.code()).isEqualTo(SepaErrorCode.UNSAFE_XML);
        assertThat(server.accept()).as("connection to the local server").isNull();
        assertThat(delivered).isEmpty();
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() throws IOException {
        String xml = CamtFixtures.resource("camt053/external-dtd/statement.xml").replace("TARGET", localUrl("/camt.dtd"));

        SepaException refused = refuse(xml);

        assertThat(refused.code()).isEqualTo(SepaErrorCode.UNSAFE_XML);
        assertThat(server.accept()).as("connection to the local server").isNull();
    }

    @Test
    void refusesBillionLaughsBeforeExpandingAnyEntity() {
        SepaException refused = refuse(CamtFixtures.resource("camt053/billion-laughs/statement.xml"));

        assertThat(refused.code()).isEqualTo(SepaErrorCode.UNSAFE_XML);
        assertThat(describe(refused)).doesNotContain("lollol");
        assertThat(delivered).isEmpty();
    }

    @Test
    void treatsAnUndeclaredEntityAsBrokenXmlWithoutResolvingAnything() {
        String xml = CamtFixtures.resource("camt053/minimal/statement.xml").replace("VERSION", "08")
                .replace("<Id>STMT-MINIMAL</Id>", "<Id>&secret;</Id>");

        CamtSummary summary = new CamtReader().read(stream(xml), "entity.xml", (statement, entry) -> delivered.add(entry));

        assertThat(summary.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("undeclared entity &secret;"));
        assertThat(delivered).isEmpty();
    }

    private SepaException refuse(String xml) {
        return catchThrowableOfType(() -> new CamtReader().read(stream(xml), "hostile.xml", new CamtHandler() {
            @Override
            public void onStatement(CamtStatement header) {
                delivered.add(header);
            }

            @Override
            public void onEntry(CamtStatement statement, CamtEntry entry) {
                delivered.add(entry);
            }

            @Override
            public void onProblem(XmlProblem problem) {
                delivered.add(problem);
            }
        }), SepaException.class);
    }

    private String localUrl(String path) {
        return "http://127.0.0.1:" + server.socket().getLocalPort() + path;
    }

    /** Everything an attacker could get back: message and causes. */
    private static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
