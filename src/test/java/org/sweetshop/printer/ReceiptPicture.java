package org.sweetshop.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.Cut;
import org.sweetshop.printer.EscPosDecoder.Line;
import org.sweetshop.printer.EscPosDecoder.Qr;
import org.sweetshop.scan.QrCodes;

/**
 * What a printer made of decoded commands, drawn as a picture of the paper for the README: 576 dots
 * wide (80 mm at 203 dpi), 12 × 24-dot characters, the store name twice as tall, the QR code at
 * its module size. An approximation of a thermal printer's font, not its bitmap.
 */
final class ReceiptPicture {

    private static final int WIDTH = 576;
    private static final int MARGIN = 16;
    private static final int CHAR_WIDTH = 12;
    private static final int LINE_HEIGHT = 24;

    private ReceiptPicture() {
    }

    static BufferedImage of(List<Command> commands) throws IOException {
        Font font = font();
        int height = 2 * MARGIN;
        for (Command command : commands) {
            if (command instanceof Line line) {
                height += LINE_HEIGHT * line.height();
            } else if (command instanceof Qr qr) {
                height += qrSize(qr) + LINE_HEIGHT / 2;
            } else if (command instanceof Cut) {
                height += LINE_HEIGHT;
            }
        }
        BufferedImage image = new BufferedImage(WIDTH + 2 * MARGIN, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), height);
            g.setColor(Color.BLACK);
            int y = MARGIN;
            for (Command command : commands) {
                if (command instanceof Line line) {
                    Font styled = font.deriveFont(line.bold() ? Font.BOLD : Font.PLAIN, 20f)
                            .deriveFont(java.awt.geom.AffineTransform.getScaleInstance(line.width(), line.height()));
                    g.setFont(styled);
                    y += LINE_HEIGHT * line.height();
                    g.drawString(line.text(), MARGIN, y - 6 * line.height());
                } else if (command instanceof Qr qr) {
                    int size = qrSize(qr);
                    g.drawImage(QrCodes.render(qr.data(), size), MARGIN + (WIDTH - size) / 2, y, null);
                    y += size + LINE_HEIGHT / 2;
                } else if (command instanceof Cut) {
                    g.setColor(Color.GRAY);
                    for (int x = 0; x < image.getWidth(); x += 12) {
                        g.drawLine(x, y + LINE_HEIGHT / 2, x + 6, y + LINE_HEIGHT / 2);
                    }
                    g.setColor(Color.BLACK);
                    y += LINE_HEIGHT;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A version-1 QR code is 21 modules, plus the quiet zone ZXing draws. */
    private static int qrSize(Qr qr) {
        return (21 + 8) * qr.moduleSize();
    }

    private static Font font() throws IOException {
        try (InputStream in = ReceiptPicture.class.getResourceAsStream("/org/sweetshop/print/DejaVuSansMono.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }
}
