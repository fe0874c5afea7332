package io.recoup.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
    private final NoDelaySockets sockets = new NoDelaySockets();

    @Test
    void theUnconnectedSocketJakartaMailConnectsHasNagleOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); Socket socket = sockets.createSocket()) {
            socket.connect(server.getLocalSocketAddress(), 1_000);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aSocketConnectedByTheFactoryHasNagleOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
