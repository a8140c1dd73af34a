package eu.impactlab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the app and PostgreSQL that can go silent like a broken network: while dropped it forwards
 * nothing and closes nothing (no reset, no FIN), so both sides just wait; when restored, what was held back flows on,
 * as TCP's retransmissions would deliver it once the network is back.
 */
final class SilentNetwork implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean dropped;
    private volatile boolean closed;

    SilentNetwork(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-network-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void drop() {
        synchronized (gate) {
            dropped = true;
        }
    }

    void restore() {
        synchronized (gate) {
            dropped = false;
            gate.notifyAll();
        }
    }

    private void awaitNetwork() throws InterruptedException {
        synchronized (gate) {
            while (dropped && !closed) {
                gate.wait();
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread connect = new Thread(() -> connect(client), "silent-network-connect");
                connect.setDaemon(true);
                connect.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            // A connection opened during the drop gets no answer until the network is back.
            awaitNetwork();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException | InterruptedException e) {
            quietlyClose(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitNetwork();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed: close the other below, as the network would pass the FIN on
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "silent-network-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        restore();
        server.close();
        sockets.forEach(SilentNetwork::quietlyClose);
    }
}
