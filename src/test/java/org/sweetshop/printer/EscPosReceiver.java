package org.sweetshop.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network receipt printer for tests: a real {@link ServerSocket} on 127.0.0.1 at a free port
 * that takes raw ESC/POS jobs as port 9100 of a printer does, one connection a job, and records
 * the bytes of each. It can also behave as a printer in trouble: one that accepts the connection
 * then never reads (paper out, its buffer full) and one that closes the connection part-way
 * (switched off mid-receipt). Tests wait on {@link #nextJob}, what the printer received, never on time.
 */
public final class EscPosReceiver implements AutoCloseable {

    /** How the simulated printer treats a connection. */
    public enum Behaviour {
        /** Reads everything until the till closes the connection. */
        PRINTS,
        /** Accepts the connection and never reads a byte. */
        NEVER_READS,
        /** Reads {@link #CLOSE_AFTER} bytes, then closes the connection with the rest unread. */
        CLOSES_PART_WAY
    }

    /** Bytes a {@link Behaviour#CLOSES_PART_WAY} printer reads before it closes. */
    public static final int CLOSE_AFTER = 200;

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final BlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final Thread thread;

    private EscPosReceiver(Behaviour behaviour, int receiveBuffer) throws IOException {
        this(behaviour, receiveBuffer, 0);
    }

    private EscPosReceiver(Behaviour behaviour, int receiveBuffer, int port) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket();
        if (receiveBuffer > 0) {
            // set before bind, so accepted connections get it (and a window that small)
            server.setReceiveBufferSize(receiveBuffer);
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.thread = new Thread(this::serve, "escpos-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    /** A printer that prints every job. */
    public static EscPosReceiver printing() throws IOException {
        return new EscPosReceiver(Behaviour.PRINTS, 0);
    }

    /** A printer that prints every job, on {@code port}: the printer that was off ({@link #deadPort()}) is back. */
    public static EscPosReceiver printingOn(int port) throws IOException {
        return new EscPosReceiver(Behaviour.PRINTS, 0, port);
    }

    /** A printer in trouble, with a small receive buffer so that a long job cannot all sit in the kernel's buffers. */
    public static EscPosReceiver inTrouble(Behaviour behaviour) throws IOException {
        return new EscPosReceiver(behaviour, 4096);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A loopback port nothing listens on: a printer that is off. */
    public static int deadPort() throws IOException {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /** The address of a printer that is off, for {@code --printer}. */
    public static String deadUri() throws IOException {
        return "tcp://127.0.0.1:" + deadPort();
    }

    /** The printer's address for {@code --printer} and {@code printer.uri}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** The bytes of the next whole job (the till closed its connection), waiting at most {@code timeout}. */
    public byte[] nextJob(Duration timeout) throws InterruptedException {
        byte[] job = jobs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (job == null) {
            throw new AssertionError("the printer received no job in " + timeout);
        }
        return job;
    }

    /** Jobs received whole and not yet taken by {@link #nextJob}. */
    public int jobsWaiting() {
        return jobs.size();
    }

    /** Waits until the first connection was accepted. */
    public boolean awaitConnection(Duration timeout) throws InterruptedException {
        return accepted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(socket);
            accepted.countDown();
            if (behaviour == Behaviour.NEVER_READS) {
                continue;
            }
            Thread reader = new Thread(() -> read(socket), "escpos-receiver-job");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void read(Socket socket) {
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (socket; InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer, 0, behaviour == Behaviour.CLOSES_PART_WAY ? CLOSE_AFTER - job.size() : buffer.length)) > 0) {
                job.write(buffer, 0, n);
                if (behaviour == Behaviour.CLOSES_PART_WAY && job.size() >= CLOSE_AFTER) {
                    // unread data is left behind: the close resets the connection, as a printer switched off does
                    return;
                }
            }
            jobs.add(job.toByteArray());
        } catch (SocketException e) {
            // the till gave the job up
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
