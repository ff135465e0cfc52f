package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.ProductCode;
import org.sweetshop.common.SoldBy;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.MovementView;
import org.sweetshop.testing.BadInputCase;

/**
 * The catalogue import with its optional columns {@code unit,plu,barcodes} (issue 10): counted sweets
 * with barcodes and weighed sweets with PLUs read back exactly; every bad unit, PLU, barcode and
 * weight is an error of its row and column, and a file with one imports nothing.
 */
class WeighedImportTest extends BadInputCase {

    private static final String HEADER = "sku,name,category,price,stock,reorder_level,unit,plu,barcodes\n";
    private static final String PACK = "5012345678900";        // EAN-13
    private static final String UPC_A = "036000291452";        // UPC-A, kept as 0036000291452
    private static final String EAN_8 = "96385074";
    private static final String OTHER = "4006381333931";       // EAN-13
    /** A good counted row and a good weighed row, for the refusals' files to carry besides their bad row. */
    private static final String GOOD_ROWS = "GB,Gobstoppers,Novelty,0.30,10,0,pcs,,\n"
            + "CL,Cola Laces,Loose,11.00,1kg,100g,g,555,\n";

    private CatalogImport.Preview preview(String csv) {
        return app.catalogImport().preview(new StringReader(csv));
    }

    /** A scale label of the defaults' ranges: its 12 digits and their check digit. */
    private static String label(String body12) {
        return body12 + ProductCode.checkDigit(body12);
    }

    private MovementView openingOf(String sku) {
        List<MovementView> movements = app.stock().movements(sku, 5);
        assertThat(movements).as("the movements of " + sku).hasSize(1);
        return movements.get(0);
    }

    @Test
    void countedSweetsWithBarcodesAndWeighedSweetsWithPlusImportExactly() {
        var preview = preview(HEADER
                + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + PACK + "|" + EAN_8 + "\n"
                + "CC,Cola Cubes,Boiled,0.10,120,20,,,\"" + UPC_A + "  " + OTHER + "\"\n"
                + "PNM,Pick and Mix,Loose,14.99,2.5kg,500g,g,123,\n"
                + "SB,Sherbet Bonbons,Loose,12.00,2500,250,G,00042,\n"
                + "JB,Jelly Beans,Loose,9.5,1250 g,0.25kg,g,7,\n"
                + "EM,Empty Mints,Loose,8.00,,,g,,\n");

        assertThat(preview.errors()).isEmpty();
        var result = app.catalogImport().apply(manager, preview, "T1");

        assertThat(result.skus()).containsExactly("FB", "CC", "PNM", "SB", "JB", "EM");
        record Read(SoldBy soldBy, BigDecimal price, int stock, int reorder, Integer plu) {
        }
        var read = java.util.stream.Stream.of("FB", "CC", "PNM", "SB", "JB", "EM").map(app.catalog()::find)
                .map(s -> new Read(s.soldBy(), s.price().stripTrailingZeros(), s.stock(), s.reorderLevel(), s.plu())).toList();
        assertThat(read).containsExactly(
                new Read(SoldBy.COUNTED, new BigDecimal("0.85"), 40, 5, null),
                new Read(SoldBy.COUNTED, new BigDecimal("0.1"), 120, 20, null),
                new Read(SoldBy.WEIGHED, new BigDecimal("14.99"), 2_500, 500, 123),
                new Read(SoldBy.WEIGHED, new BigDecimal("12"), 2_500, 250, 42),
                new Read(SoldBy.WEIGHED, new BigDecimal("9.5"), 1_250, 250, 7),
                new Read(SoldBy.WEIGHED, new BigDecimal("8"), 0, 0, null));
        assertThat(app.catalog().barcodes("FB")).containsExactlyInAnyOrder(PACK, EAN_8);
        assertThat(app.catalog().barcodes("CC")).containsExactlyInAnyOrder("0" + UPC_A, OTHER);
        assertThat(app.catalog().barcodes("PNM")).isEmpty();
        // each opening stock is one restock movement in the sweet's unit: pieces, or grams
        Map.of("FB", 40, "CC", 120, "PNM", 2_500, "SB", 2_500, "JB", 1_250).forEach((sku, quantity) -> {
            MovementView opening = openingOf(sku);
            assertThat(List.of(opening.kind(), opening.quantity(), opening.stockAfter(), opening.reason()))
                    .as("the opening movement of " + sku)
                    .containsExactly(MovementKind.RESTOCK, quantity, quantity, "opening stock (import)");
        });
        assertThat(app.stock().movements("EM", 5)).isEmpty();
        // what the till does with them: the pack's barcode is one piece, the PLU's label its grams
        assertThat(app.catalog().resolveCode(EAN_8).sweet().sku()).isEqualTo("FB");
        assertThat(app.catalog().resolveCode(UPC_A).sweet().sku()).isEqualTo("CC");
        assertThat(app.catalog().resolveCode(label("210004200253")).sweet().sku()).isEqualTo("SB");
        assertThat(app.catalog().resolveCode(label("210004200253")).quantity()).isEqualTo(253);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aBareNumberIsGramsForAWeighedSweetAsDocumented() {
        var result = app.catalogImport().apply(manager, preview(HEADER + "PNM,Pick and Mix,Loose,14.99,2500,500,g,,\n"), null);

        assertThat(result.imported()).isEqualTo(1);
        assertThat(app.catalog().find("PNM").stock()).isEqualTo(2_500);
        assertThat(app.catalog().find("PNM").reorderLevel()).isEqualTo(500);
        assertThat(openingOf("PNM").quantity()).isEqualTo(2_500);
    }

    @Test
    void aUnitOtherThanPiecesOrGramsIsAnErrorOfItsRow() {
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,kg,,\n",
                "row 4, unit: unit must be pcs (counted) or g (weighed, price per kg), not 'kg'");
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,each,,\n",
                "row 4, unit: unit must be pcs (counted) or g (weighed, price per kg), not 'each'");
    }

    @Test
    void aWeightForACountedSweetIsAnErrorOfItsRow() {
        assertRefused(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40g,5,pcs,,\n",
                "row 4, stock: This sweet is sold by the piece: give a count, not '40g'");
    }

    @Test
    void aWeighedSweetWithAPackBarcodeIsAnErrorOfItsRow() {
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,g,123," + PACK + "\n",
                "row 4, barcodes: a weighed sweet is found by its PLU on a scale label, not by a pack's barcode");
    }

    @Test
    void aBarcodeWithAWrongCheckDigitIsAnErrorOfItsRow() {
        assertRefused(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + EAN_8 + "|5012345678901\n",
                "row 4, barcodes: Barcode 5012345678901 has a wrong check digit (the last digit should be 0): it was misread or mistyped");
    }

    @Test
    void aBarcodeInAScaleLabelRangeIsAnErrorOfItsRow() {
        String weightLabel = label("210012300253");
        String priceLabel = label("230012300379");
        assertRefused(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + weightLabel + "\n",
                "row 4, barcodes: Barcode " + weightLabel + " is in the store's scale-label range (21, 23...): a label scale prints"
                        + " those, they cannot be a pack's barcode");
        assertRefused(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + EAN_8 + " " + priceLabel + "\n",
                "row 4, barcodes: Barcode " + priceLabel + " is in the store's scale-label range (21, 23...): a label scale prints"
                        + " those, they cannot be a pack's barcode");
    }

    @Test
    void aPluOrBarcodeTwiceInTheFileIsAnErrorOfTheLaterRow() {
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,g,555,\n",
                "row 4, plu: PLU 00555 is already on row 3 of this file");
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,g,0555,\n",
                "row 4, plu: PLU 00555 is already on row 3 of this file");
        // the same pack as its UPC-A and as its EAN-13 is one barcode
        assertRefused(HEADER + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + UPC_A + "\n" + GOOD_ROWS
                        + "CC,Cola Cubes,Boiled,0.10,120,20,pcs,," + EAN_8 + "|0" + UPC_A + "\n",
                "row 5, barcodes: barcode 0" + UPC_A + " is already on row 2 of this file");
        assertRefused(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + PACK + " " + PACK + "\n",
                "row 4, barcodes: Barcode " + PACK + " is given twice");
    }

    @Test
    void aPluOrBarcodeAlreadyInTheCatalogueIsAnErrorOfItsRow() {
        office.catalog().add(manager, NewSweet.weighed("PNM", "Pick and Mix", "Loose", new BigDecimal("14.99"), 2_500, 500, 123), "T0");
        office.catalog().add(manager, new NewSweet("FB", "Fudge Bar", "Fudge", new BigDecimal("0.85"), 40, 5)
                .withBarcodes(List.of(PACK, UPC_A)), "T0");

        assertRefused(HEADER + GOOD_ROWS + "CM,Cola Mix,Loose,12.00,1kg,0,g,123,\n",
                "row 4, plu: PLU 00123 is on Pick and Mix (PNM)");
        assertRefused(HEADER + GOOD_ROWS + "FB2,Fudge Bar Two,Fudge,0.85,40,5,pcs,," + EAN_8 + "|" + UPC_A + "\n",
                "row 4, barcodes: barcode 0" + UPC_A + " is on Fudge Bar (FB)");
    }

    @Test
    void aWeightFinerThanAGramIsAnErrorOfItsRow() {
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2.5005kg,0.1kg,g,,\n",
                "row 4, stock: '2.5005kg' is finer than a gram: weights are whole grams");
        assertRefused(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2.5kg,100.5g,g,,\n",
                "row 4, reorder_level: '100.5g' is finer than a gram: weights are whole grams");
    }

    @Test
    void everyBadValueOfAWeighedFileIsReportedAtOnce() {
        office.catalog().add(manager, NewSweet.weighed("PNM", "Pick and Mix", "Loose", new BigDecimal("14.99"), 2_500, 500, 123), "T0");

        var preview = preview(HEADER + GOOD_ROWS
                + "A,Apples,Loose,5.00,1.5kg,250,g,123,\n"                          // row 4: PLU on PNM
                + "B,Bananas,Loose,5.00,1kg,1001.5g,g,,\n"                          // row 5: reorder finer than a gram
                + "C,Cherries,Loose,5.00,-1kg,0,g,100000,\n"                        // row 6: not a weight, PLU too big
                + "D,Dates,Loose,5.00,1kg,0,g,777," + EAN_8 + "\n"                  // row 7: weighed with a barcode
                + "E,Eclairs,Chewy,0.25,10,0,box,777,\n");                          // row 8: unit; PLU of row 7

        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(
                "row 4, plu: PLU 00123 is on Pick and Mix (PNM)",
                "row 5, reorder_level: '1001.5g' is finer than a gram: weights are whole grams",
                "row 6, stock: '-1kg' is not a weight: give grams or kilograms, e.g. 250g or 0.25kg",
                "row 6, plu: PLU must be between 1 and 99999, not 100000",
                "row 7, barcodes: a weighed sweet is found by its PLU on a scale label, not by a pack's barcode",
                "row 8, unit: unit must be pcs (counted) or g (weighed, price per kg), not 'box'",
                "row 8, plu: PLU 00777 is already on row 7 of this file");
        assertThat(preview.valid()).extracting(CatalogImport.Row::sku).containsExactly("GB", "CL");
        refused(InvalidInputException.class, () -> app.catalogImport().apply(manager, preview, "T1"));
    }

    @Test
    void aPluOrBarcodeTakenBetweenPreviewAndImportRefusesTheWholeImport() {
        var plu = preview(HEADER + GOOD_ROWS + "PNM,Pick and Mix,Loose,14.99,2500,500,g,123,\n");
        var code = preview(HEADER + GOOD_ROWS + "FB,Fudge Bar,Fudge,0.85,40,5,pcs,," + PACK + "\n");
        office.catalog().add(manager, NewSweet.weighed("OLD", "Old Mix", "Loose", new BigDecimal("9.99"), 0, 0, 123), "T0");
        office.catalog().add(manager, new NewSweet("OFB", "Old Fudge", "Fudge", new BigDecimal("0.80"), 0, 0)
                .withBarcodes(List.of(PACK)), "T0");

        assertThat(refused(AlreadyExistsException.class, () -> app.catalogImport().apply(manager, plu, "T1")))
                .hasMessage("already registered: PLU 00123 is on Old Mix (OLD) since the preview; nothing imported");
        assertThat(refused(AlreadyExistsException.class, () -> app.catalogImport().apply(manager, code, "T1")))
                .hasMessage("already registered: barcode " + PACK + " is on Old Fudge (OFB) since the preview; nothing imported");
        assertThat(app.catalog().list()).extracting(SweetView::sku).containsExactlyInAnyOrder("OLD", "OFB");
    }

    /**
     * A file whose preview reports exactly {@code error}: the preview and the refused import change
     * nothing, and none of the file's good rows is added.
     */
    private void assertRefused(String csv, String error) {
        String before = snapshot();
        var preview = preview(csv);
        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(error);
        assertThat(snapshot()).as("the database after the preview").isEqualTo(before);

        var e = refused(InvalidInputException.class, () -> app.catalogImport().apply(manager, preview, "T1"));

        assertThat(e).hasMessage("nothing imported: 1 of " + preview.rows() + " rows have errors (first: " + error + ")");
        assertThat(snapshot()).isEqualTo(before);
    }
}
