package org.sweetshop.printer;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The ESC/POS bytes of a receipt and of a drawer pulse, built by escpos-coffee (no byte code is
 * written here by hand) into memory, so a printer gets a whole job in one go or nothing.
 */
final class EscPosCommands {

    /** Code page 858: Latin-1 with the euro sign; a character it lacks is printed as {@code ?}. */
    static final EscPos.CharacterCodeTable CODE_PAGE = EscPos.CharacterCodeTable.CP858_Euro;
    /** Module size of the receipt number's QR code, in dots (about 20 mm wide for T1-000001). */
    static final int QR_SIZE = 6;
    /** Lines fed after the QR code so that it passes the cutter. */
    static final int FEED_LINES = 4;
    /** The drawer's kick pulse, in units of 2 ms: 100 ms on, then 500 ms off. */
    static final int PULSE_ON = 50;
    static final int PULSE_OFF = 250;

    private EscPosCommands() {
    }

    /**
     * Initialise, the lines (the first, the store name, bold and twice as tall; the others in the
     * normal font), a QR code of the receipt number, a feed and a partial cut.
     */
    static byte[] receipt(List<String> lines, String receiptNo) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (EscPos escpos = new EscPos(bytes)) {
            Style text = new Style();
            Style storeName = new Style().setBold(true).setFontSize(Style.FontSize._1, Style.FontSize._2);
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(CODE_PAGE);
            for (int i = 0; i < lines.size(); i++) {
                escpos.writeLF(i == 0 ? storeName : text, lines.get(i));
            }
            escpos.write(new QRCode().setSize(QR_SIZE).setJustification(EscPosConst.Justification.Center), receiptNo);
            escpos.feed(text, FEED_LINES);
            escpos.cut(EscPos.CutMode.PART);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The kick pulse on the drawer connector's pin 2 (where a cash drawer is wired). */
    static byte[] drawerPulse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8);
        try (EscPos escpos = new EscPos(bytes)) {
            escpos.pulsePin(EscPos.PinConnector.Pin_2, PULSE_ON, PULSE_OFF);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
