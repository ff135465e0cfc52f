package org.sweetshop.scan;

import java.nio.file.Path;

/**
 * A file that cannot be read as a picture: missing, a folder, not an image, corrupt, or too large.
 * The message is one line for a person and names no Java class.
 */
public final class UnreadableImageException extends Exception {

    private final transient Path file;

    UnreadableImageException(Path file, String reason) {
        super(reason);
        this.file = file;
    }

    UnreadableImageException(Path file, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Why the file cannot be read, without the file's name: "not an image (PNG, JPEG, GIF, BMP or TIFF)". */
    public String reason() {
        return getMessage();
    }
}
