package io.recoup.adapters.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets to the SMTP server with Nagle's algorithm off. A kept connection sends each message as its content
 * then the closing {@code CRLF.CRLF}; with Nagle on, that last small write waits until the server has acknowledged the
 * content before it, and a server delays that acknowledgement (40 ms on Linux) because it has nothing to send yet, so
 * most messages waited ~40 ms for the server's {@code 250}. Jakarta Mail has no switch for it, but takes a socket
 * factory ({@code mail.smtp.socketFactory}); STARTTLS is layered over these sockets as before.
 */
public final class NoDelaySockets extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    /** The unconnected socket Jakarta Mail connects itself, with its connection timeout. */
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(plain.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
