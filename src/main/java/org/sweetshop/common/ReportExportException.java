package org.sweetshop.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * A report that could not be saved where asked: the folder is missing or read-only, the name is a
 * folder, the disk is full. Nothing was left at the target (an older file of that name is kept).
 * The message is one line for a person ("cannot save sales.csv: the folder /media/usb does not exist").
 */
public final class ReportExportException extends Refusal {

    private final transient Path file;

    public ReportExportException(Path file, String reason) {
        super("cannot save " + (file.getFileName() == null ? file : file.getFileName()) + ": " + reason);
        this.file = file;
    }

    /** Where the report was to go. */
    public Path file() {
        return file;
    }

    @Override
    public String code() {
        return "EXPORT_FAILED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("file", file.toString());
    }
}
