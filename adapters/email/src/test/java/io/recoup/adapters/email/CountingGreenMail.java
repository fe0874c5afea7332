package io.recoup.adapters.email;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A GreenMail SMTP server that counts the connections it accepted, to see how many a run of sends opened. */
final class CountingGreenMail extends GreenMail {
    private final AtomicInteger connections = new AtomicInteger();

    /** On {@code port}, 0 for any free one. */
    CountingGreenMail(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    int connections() {
        return connections.get();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        return Map.of(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {
            @Override
            protected void handleClientSocket(Socket client) throws SocketException {
                connections.incrementAndGet();
                super.handleClientSocket(client);
            }
        });
    }
}
