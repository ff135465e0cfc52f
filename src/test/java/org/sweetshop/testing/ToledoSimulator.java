package org.sweetshop.testing;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sweetshop.testing.PtyPair;

/**
 * A Toledo 8217 scale on the simulator's end of a {@link PtyPair}: each command it receives
 * ({@code W}, or a letter and CR such as {@code T CR}) is recorded, then answered with the next answer
 * scripted for that command, or with silence when none is left. Tests wait on {@link #received()},
 * what the scale was sent, never on time.
 */
public final class ToledoSimulator implements AutoCloseable {

    public static final String STX = "\u0002";
    public static final String CR = "\r";

    private final InputStream in;
    private final OutputStream out;
    private final Map<String, Queue<String>> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Thread thread;

    public ToledoSimulator(Path simEnd) throws IOException {
        this.in = new FileInputStream(simEnd.toFile());
        this.out = new FileOutputStream(simEnd.toFile());
        this.thread = new Thread(this::serve, "toledo-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** The answer (raw bytes as text, framing included) to the next {@code command} not yet answered. */
    public ToledoSimulator answer(String command, String raw) {
        answers.computeIfAbsent(command, c -> new ConcurrentLinkedQueue<>()).add(raw);
        return this;
    }

    /** A weight answer: STX text CR. */
    public ToledoSimulator weighs(String text) {
        return answer("W", STX + text + CR);
    }

    /** A status answer to W: STX ? status CR. */
    public ToledoSimulator status(char status) {
        return answer("W", STX + "?" + status + CR);
    }

    /** The next command the scale received (W, T, ...), waiting up to 5 s for it. */
    public String nextCommand() throws InterruptedException {
        String command = received.poll(5, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("the simulated scale received no command within 5 s");
        }
        return command;
    }

    public BlockingQueue<String> received() {
        return received;
    }

    private void serve() {
        StringBuilder command = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                char c = (char) (b & 0x7F);
                if (command.isEmpty() && c == 'W') {
                    respond("W");
                } else if (c == '\r' || c == '\n') {
                    if (!command.isEmpty()) {
                        respond(command.toString());
                        command.setLength(0);
                    }
                } else {
                    command.append(c);
                }
            }
        } catch (IOException e) {
            // the cable was pulled (socat killed): the scale is gone
        }
    }

    private void respond(String command) throws IOException {
        Queue<String> queue = answers.get(command);
        String answer = queue == null ? null : queue.poll();
        if (answer != null) {
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        received.add(command);
    }

    @Override
    public void close() throws IOException {
        in.close();
        out.close();
    }
}
