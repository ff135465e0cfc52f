package org.sweetshop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the app and the test database, so a test can make the database
 * unreachable for real: {@link #cut()} drops every connection and refuses new ones (they are
 * closed as soon as they are accepted), {@link #restore()} lets connections through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile byte[] cutMarker;
    private final Object stallLock = new Object();
    private boolean stalled;

    /**
     * A stalled network: connections stay open but no byte passes either way until
     * {@link #unstall()} or {@link #close()}; neither side sees an error of its own.
     */
    public void stall() {
        synchronized (stallLock) {
            stalled = true;
        }
    }

    public void unstall() {
        synchronized (stallLock) {
            stalled = false;
            stallLock.notifyAll();
        }
    }

    private void awaitNotStalled() throws IOException {
        synchronized (stallLock) {
            while (stalled) {
                try {
                    stallLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stalled", e);
                }
            }
        }
    }

    /**
     * Cuts every connection (as {@link #cut()}) the moment a client sends these bytes, e.g. the text
     * of a query only one phase of the start-up sends; a client then sees its socket close mid-request.
     */
    public void cutWhenClientSends(String marker) {
        this.cutMarker = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the database of this JDBC URL ({@code jdbc:postgresql://host:port/db}). */
    public static TcpProxy inFrontOf(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TcpProxy(uri.getHost(), uri.getPort());
    }

    /** The same URL, through this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public void cut() {
        open = false;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    public void restore() {
        open = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!open) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // server closed, or the database refused: the client sees its socket close
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    byte[] marker = cutMarker;
                    if (fromClient && marker != null && contains(buffer, n, marker)) {
                        cutMarker = null;
                        cut();
                        return;
                    }
                    awaitNotStalled();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buffer[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        unstall();
        cut();
        server.close();
    }
}
