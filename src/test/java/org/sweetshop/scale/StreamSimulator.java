package org.sweetshop.scale;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sweetshop.testing.Pace;
import org.sweetshop.testing.PtyPair;

/**
 * A continuous-output scale on the simulator's end of a {@link org.sweetshop.testing.PtyPair}: it sends its current lines
 * over and over (each ended by CR LF, a few dozen a second, as such scales do), and records each
 * command line it receives ({@code T} for tare), switching to the lines scripted for that command.
 */
final class StreamSimulator implements AutoCloseable {

    private static final long LINE_PACE_MS = 20;

    private final InputStream in;
    private final OutputStream out;
    private final Map<String, List<String>> onCommand = new ConcurrentHashMap<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private volatile List<String> lines = List.of();
    private volatile boolean stopped;

    StreamSimulator(Path simEnd) throws IOException {
        this.in = new FileInputStream(simEnd.toFile());
        this.out = new FileOutputStream(simEnd.toFile());
        Thread writer = new Thread(this::send, "stream-scale-simulator-out");
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(this::listen, "stream-scale-simulator-in");
        reader.setDaemon(true);
        reader.start();
    }

    /** From now on the scale sends these lines in turn (raw text, without CR LF); none: it is silent. */
    StreamSimulator sends(String... newLines) {
        lines = List.of(newLines);
        return this;
    }

    /** When {@code command} comes, the scale switches to these lines (as a tare switches to net). */
    StreamSimulator on(String command, String... newLines) {
        onCommand.put(command, List.of(newLines));
        return this;
    }

    String nextCommand() throws InterruptedException {
        String command = received.poll(5, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("the simulated scale received no command within 5 s");
        }
        return command;
    }

    BlockingQueue<String> received() {
        return received;
    }

    private void send() {
        try {
            while (!stopped) {
                for (String line : lines) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
                Pace.pause(LINE_PACE_MS);
            }
        } catch (IOException e) {
            // the cable was pulled
        }
    }

    private void listen() {
        StringBuilder command = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                char c = (char) b;
                if (c == '\r' || c == '\n') {
                    if (!command.isEmpty()) {
                        List<String> next = onCommand.get(command.toString());
                        if (next != null) {
                            lines = next;
                        }
                        received.add(command.toString());
                        command.setLength(0);
                    }
                } else {
                    command.append(c);
                }
            }
        } catch (IOException e) {
            // the cable was pulled
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        in.close();
        out.close();
    }
}
