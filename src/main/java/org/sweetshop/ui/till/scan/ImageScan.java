package org.sweetshop.ui.till.scan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.ScannedCode;
import org.sweetshop.scan.UnreadableImageException;

/**
 * "Open image…": the QR code or product barcode in a photo or screenshot file, read with every pass
 * of {@link CodeDecoder#decode(Path)} off the FX thread (a picture without a code takes up to a
 * couple of seconds). The answer is the code's text (a barcode's printed digits, check digit valid)
 * or one line for the cashier saying why there is none.
 */
public final class ImageScan {

    private static final Logger LOG = LoggerFactory.getLogger(ImageScan.class);

    /** The text read, or (when {@code text} is null) the reason there is none, for the cashier. */
    public record Result(String text, String problem) {

        public static Result found(String text) {
            return new Result(Objects.requireNonNull(text), null);
        }

        public static Result problem(String problem) {
            return new Result(null, Objects.requireNonNull(problem));
        }

        public boolean found() {
            return text != null;
        }
    }

    private final CodeDecoder decoder;
    private final Executor background;

    /** Decoding on a thread of its own (a daemon, so it never keeps the till's process alive). */
    public ImageScan() {
        this(new CodeDecoder(), Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sweetshop-image-scan");
            thread.setDaemon(true);
            return thread;
        }));
    }

    public ImageScan(CodeDecoder decoder, Executor background) {
        this.decoder = Objects.requireNonNull(decoder);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * Reads {@code file} in the background. The future completes on that background thread, never
     * exceptionally: continue on the FX thread with {@code thenAcceptAsync(..., Platform::runLater)}.
     */
    public CompletableFuture<Result> scan(Path file) {
        return CompletableFuture.supplyAsync(() -> scanNow(file), background);
    }

    /** The same, on the calling thread (blocking: not on the FX thread). */
    public Result scanNow(Path file) {
        String name = name(file);
        try {
            Optional<ScannedCode> code = decoder.decode(file);
            return code.map(c -> Result.found(c.text())).orElseGet(() -> Result.problem("No QR code or barcode found in " + name));
        } catch (UnreadableImageException e) {
            return Result.problem("Cannot read " + name + ": " + e.reason());
        } catch (OutOfMemoryError e) {
            // the picture is what filled the memory, and it is garbage again now
            LOG.warn("out of memory reading {}", file, e);
            return Result.problem("Cannot read " + name + ": too large for this computer's memory");
        } catch (RuntimeException e) {
            LOG.warn("reading {} failed", file, e);
            return Result.problem("Cannot read " + name + ": the picture could not be decoded");
        }
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
