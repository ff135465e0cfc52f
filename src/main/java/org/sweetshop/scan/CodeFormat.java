package org.sweetshop.scan;

import java.util.Optional;
import org.sweetshop.common.ProductCode;

/** The kinds of code a scan reads, named as ZXing names them (and as {@code scan --json} prints them). */
public enum CodeFormat {
    QR_CODE(null, "QR code"),
    EAN_13(ProductCode.Format.EAN_13, "EAN-13"),
    EAN_8(ProductCode.Format.EAN_8, "EAN-8"),
    UPC_A(ProductCode.Format.UPC_A, "UPC-A"),
    UPC_E(ProductCode.Format.UPC_E, "UPC-E");

    private final ProductCode.Format product;
    private final String label;

    CodeFormat(ProductCode.Format product, String label) {
        this.product = product;
        this.label = label;
    }

    /** The product barcode format this is; empty for a QR code. */
    public Optional<ProductCode.Format> productFormat() {
        return Optional.ofNullable(product);
    }

    public boolean isProductBarcode() {
        return product != null;
    }

    /** As a person writes it: "EAN-13", "QR code". */
    public String label() {
        return label;
    }
}
