package io.recoup.bench.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * The bench's local SMTP server: GreenMail, with Nagle's algorithm off on the connections it accepts. GreenMail writes
 * each line of its multi-line EHLO answer as a packet of its own; with Nagle on, the second line waits for the client's
 * delayed ACK of the first (40 ms on Linux), so every new connection costs ~45 ms on both sides of the comparison. A
 * production mail server answers EHLO in one write, so that wait is the bench server's, not Recoup's nor Jakarta Mail's.
 */
final class NoDelayGreenMail extends GreenMail {
    NoDelayGreenMail() {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        return Map.of(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {
            @Override
            protected void handleClientSocket(Socket client) throws SocketException {
                client.setTcpNoDelay(true);
                super.handleClientSocket(client);
            }
        });
    }
}
