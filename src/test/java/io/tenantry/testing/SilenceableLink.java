package io.tenantry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link to a server that a test can silence: it passes bytes both ways until {@link #silence()},
 * then passes none while keeping every connection open, as a peer does that has gone without closing
 * (a failover, a firewall that dropped an idle connection). Clients connect to {@link #port()} on the
 * loopback address; each connection gets its own to the server. Closing it closes them all.
 */
public final class SilenceableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    /**
     * @param host the server's host
     * @param port the server's port
     * @throws IOException when no loopback port can be opened
     */
    public SilenceableLink(String host, int port) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(host, port), "silenceable-link-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the loopback port clients connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte passes either way; the connections stay open. */
    public void silence() {
        silent = true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(SilenceableLink::close);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    private void accept(String host, int port) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
                sockets.add(client);
                if (listener.isClosed()) { // accepted while close() ran, perhaps after it closed the others
                    close(client);
                    return;
                }
            } catch (IOException closed) {
                return;
            }
            try {
                Socket server = new Socket(host, port);
                sockets.add(server);
                pass(client, server);
                pass(server, client);
            } catch (IOException unreachable) {
                close(client); // as the server would have: the client sees its connection refused
            }
        }
    }

    /** Copies what {@code from} sends to {@code to}, holding it back, unread beyond one buffer, once silenced. */
    private void pass(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    while (silent && !listener.isClosed()) {
                        Thread.sleep(50);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // the link or one of its ends closed
            }
        }, "silenceable-link-copier");
        copier.setDaemon(true);
        copier.start();
    }
}
