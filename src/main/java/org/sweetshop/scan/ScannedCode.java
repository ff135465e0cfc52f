package org.sweetshop.scan;

import java.util.Objects;
import java.util.Optional;
import org.sweetshop.common.ProductCode;

/**
 * A code read from a picture: its text, its format, and the decoding pass that found it (for logs
 * and reports). A product barcode's text is the digits printed under its bars: 13 for an EAN-13,
 * 12 for a UPC-A (a symbol whose EAN-13 reading starts with 0 is a UPC-A, and is reported so), 8
 * for an EAN-8 or a UPC-E; it always has a valid check digit ({@link ProductCode#of} accepts it).
 */
public record ScannedCode(String text, CodeFormat format, String pass) {

    public ScannedCode {
        Objects.requireNonNull(text);
        Objects.requireNonNull(format);
        Objects.requireNonNull(pass);
        if (format.isProductBarcode() && ProductCode.of(format.productFormat().orElseThrow(), text).isEmpty()) {
            throw new IllegalArgumentException("not a valid " + format.label() + ": " + text);
        }
    }

    /** The product this barcode identifies, in the catalogue's form; empty for a QR code. */
    public Optional<ProductCode> productCode() {
        return format.productFormat().map(f -> ProductCode.of(f, text)).map(codes -> codes.get(0));
    }
}
