package org.sweetshop.print;

import java.nio.file.Path;

/**
 * A PDF that could not be saved where asked: the folder is missing or read-only, the name is a
 * folder, the disk is full. Nothing was left behind at the target. The message is one line for a
 * person ("Cannot save receipt.pdf: the folder /media/usb does not exist") and names no Java class.
 */
public final class PdfSaveException extends Exception {

    private final transient Path file;
    private final String reason;

    PdfSaveException(Path file, String reason, Throwable cause) {
        super("Cannot save " + (file.getFileName() == null ? file : file.getFileName()) + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** Where the PDF was to go. */
    public Path file() {
        return file;
    }

    /** Why it could not go there, without the file's name: "the folder /media/usb does not exist". */
    public String reason() {
        return reason;
    }
}
