package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.ProductCode;
import org.sweetshop.common.SoldBy;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Sql;

/** Weighed sweets, PLUs and product barcodes in the catalogue, and resolving scanned codes, on the real database. */
class WeighedCatalogTest extends BadInputCase {

    static final String PACK = "5012345678900";        // EAN-13
    static final String UPC_A = "036000291452";        // UPC-A, kept as 0036000291452
    static final String EAN_8 = "96385074";

    @BeforeEach
    void aWeighedAndACountedSweet() {
        office.catalog().add(manager, NewSweet.weighed("PNM", "Pick and Mix", "Loose", new BigDecimal("14.99"), 2_500, 500, 123), "T0");
        office.catalog().add(manager, new NewSweet("FB", "Fudge Bar", "Fudge", new BigDecimal("0.85"), 40, 5)
                .withBarcodes(List.of(PACK, UPC_A)), "T0");
    }

    static String label(String body12) {
        return body12 + ProductCode.checkDigit(body12);
    }

    private long audit(String action, String subject) {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from audit_log where action = ? and subject = ?", action, subject);
    }

    @Test
    void aWeighedSweetIsPricedPerKgAndStockedInGrams() {
        SweetView pnm = app.catalog().find("PNM");
        assertThat(pnm.soldBy()).isEqualTo(SoldBy.WEIGHED);
        assertThat(pnm.price()).isEqualByComparingTo("14.99");
        assertThat(pnm.stock()).isEqualTo(2_500);
        assertThat(pnm.plu()).isEqualTo(123);
        assertThat(Sql.queryLong(app.database().dataSource(), "select sum(quantity) from stock_movement m join sweet s on s.id = m.sweet_id"
                + " where s.sku = 'PNM'")).isEqualTo(2_500);
        assertThat(app.catalog().find("FB").soldBy()).isEqualTo(SoldBy.COUNTED);
    }

    @Test
    void lowStockOfAWeighedSweetIsInGrams() {
        office.stock().stocktake(manager, "PNM", 400, "T0", null);
        assertThat(app.stock().lowStock()).extracting(SweetView::sku).contains("PNM");
        office.stock().restock(manager, "PNM", 1_000, "T0", null);
        assertThat(app.stock().lowStock()).extracting(SweetView::sku).doesNotContain("PNM");
        assertThat(stockOf("PNM")).isEqualTo(1_400);
    }

    @Test
    void barcodesAreKeptInOneFormAndAuditLogged() {
        assertThat(app.catalog().barcodes("FB")).containsExactlyInAnyOrder(PACK, "0" + UPC_A);
        assertThat(audit("BARCODE_ADD", "FB")).isEqualTo(2);
        assertThat(office.catalog().addBarcode(manager, "FB", EAN_8, "T0")).isEqualTo(EAN_8);
        assertThat(audit("BARCODE_ADD", "FB")).isEqualTo(3);
        assertThat(app.catalog().barcodes("FB")).contains(EAN_8);
    }

    @Test
    void aBarcodeOnAnotherSweetIsRefusedNamingIt() {
        office.catalog().add(manager, new NewSweet("GB", "Gobstopper", "Novelty", new BigDecimal("0.30"), 10, 0), "T0");
        var e = refused(AlreadyExistsException.class, () -> office.catalog().addBarcode(manager, "GB", PACK, "T0"));
        assertThat(e).hasMessageContaining("Fudge Bar (FB)").hasMessageContaining(PACK);
        // the same pack typed as its UPC-A or EAN-13 is one code
        var upc = refused(AlreadyExistsException.class, () -> office.catalog().addBarcode(manager, "GB", "0" + UPC_A, "T0"));
        assertThat(upc).hasMessageContaining("Fudge Bar (FB)");
        var added = refused(AlreadyExistsException.class, () -> office.catalog().add(manager,
                new NewSweet("GB2", "Gobstopper 2", "Novelty", new BigDecimal("0.30"), 10, 0).withBarcodes(List.of(PACK)), "T0"));
        assertThat(added).hasMessageContaining("Fudge Bar (FB)");
    }

    @Test
    void aBadBarcodeIsRefusedAndChangesNothing() {
        var check = refused(InvalidInputException.class, () -> office.catalog().addBarcode(manager, "FB", "5012345678901", "T0"));
        assertThat(check).hasMessageContaining("wrong check digit");
        var length = refused(InvalidInputException.class, () -> office.catalog().addBarcode(manager, "FB", "501234567", "T0"));
        assertThat(length).hasMessageContaining("8, 12 or 13 digits");
        var label = refused(InvalidInputException.class, () -> office.catalog().addBarcode(manager, "FB", label("210012300253"), "T0"));
        assertThat(label).hasMessageContaining("scale-label range");
        var weighed = refused(InvalidInputException.class, () -> office.catalog().addBarcode(manager, "PNM", EAN_8, "T0"));
        assertThat(weighed).hasMessageContaining("sold by weight");
        var twice = refused(InvalidInputException.class, () -> office.catalog().add(manager,
                new NewSweet("GB", "Gobstopper", "Novelty", new BigDecimal("0.30"), 10, 0).withBarcodes(List.of(EAN_8, EAN_8)), "T0"));
        assertThat(twice).hasMessageContaining("given twice");
    }

    @Test
    void aPluIsUniqueAndItsChangeAuditLogged() {
        var taken = refused(AlreadyExistsException.class, () -> office.catalog().add(manager,
                NewSweet.weighed("CM", "Cola Mix", "Loose", new BigDecimal("12.00"), 0, 0, 123), "T0"));
        assertThat(taken).hasMessageContaining("PLU 00123").hasMessageContaining("Pick and Mix (PNM)");
        refused(InvalidInputException.class, () -> office.catalog().changePlu(manager, "PNM", 100_000, "T0"));
        refused(InvalidInputException.class, () -> office.catalog().changePlu(manager, "PNM", 0, "T0"));

        assertThat(office.catalog().changePlu(manager, "PNM", 777, "T0").plu()).isEqualTo(777);
        assertThat(audit("PLU_CHANGE", "PNM")).isEqualTo(1);
        assertThat(office.catalog().changePlu(manager, "PNM", null, "T0").plu()).isNull();
    }

    @Test
    void aProductBarcodeResolvesToOnePackOfItsSweet() {
        ScannedItem item = app.catalog().resolveCode(PACK);
        assertThat(item.sweet().sku()).isEqualTo("FB");
        assertThat(item.quantity()).isEqualTo(1);
        assertThat(item.label()).isFalse();
        assertThat(app.catalog().resolveCode(UPC_A).sweet().sku()).isEqualTo("FB");
        assertThat(app.catalog().resolveCode("0" + UPC_A).sweet().sku()).isEqualTo("FB");
    }

    @Test
    void aWeightLabelResolvesToItsWeighedSweetWithTheLabelsGrams() {
        ScannedItem item = app.catalog().resolveCode(label("210012300253"));
        assertThat(item.sweet().sku()).isEqualTo("PNM");
        assertThat(item.quantity()).isEqualTo(253);
        assertThat(item.label()).isTrue();
    }

    @Test
    void aPriceLabelResolvesToTheGramsItsPriceComesTo() {
        ScannedItem item = app.catalog().resolveCode(label("230012300379"));
        assertThat(item.sweet().sku()).isEqualTo("PNM");
        assertThat(item.quantity()).isEqualTo(253); // 253 g at 14.99/kg = 3.79247 -> 3.79
        assertThat(item.label()).isTrue();
    }

    @Test
    void everyBadCodeIsRefusedClearly() {
        String good = label("210012300253");
        String wrongCheck = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode(wrongCheck))).hasMessageContaining("wrong check digit");
        assertThat(refused(NotFoundException.class, () -> app.catalog().resolveCode(label("210099900253"))))
                .hasMessageContaining("unknown PLU 00999");
        office.catalog().changePlu(manager, "FB", 42, "T0");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode(label("210004200253"))))
                .hasMessageContaining("Fudge Bar (FB)").hasMessageContaining("sold by the piece");
        assertThat(refused(NotFoundException.class, () -> app.catalog().resolveCode("4006381333931")))
                .hasMessageContaining("unknown barcode 4006381333931");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode("5012345678901")))
                .hasMessageContaining("wrong check digit");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode("1234567890")))
                .hasMessageContaining("has 10");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode("FB-1"))).hasMessageContaining("not a barcode");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode(TEN_KB_DIGITS))).hasMessageContaining("not a barcode");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().resolveCode(label("210012300000"))))
                .hasMessageContaining("0 g");
    }

    @Test
    void anInactiveSweetIsNotForSaleByBarcodeOrLabel() {
        office.catalog().deactivate(manager, "FB");
        office.catalog().deactivate(manager, "PNM");
        refused(NotForSaleException.class, () -> app.catalog().resolveCode(PACK));
        refused(NotForSaleException.class, () -> app.catalog().resolveCode(label("210012300253")));
    }
}
