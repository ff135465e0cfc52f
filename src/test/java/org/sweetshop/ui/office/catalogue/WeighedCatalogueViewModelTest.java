package org.sweetshop.ui.office.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.SoldBy;
import org.sweetshop.stock.MovementView;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.shared.SweetFigures;

/** The catalogue tab's model with weighed sweets, PLUs and product barcodes: added, read back, refused without a change. */
class WeighedCatalogueViewModelTest extends OfficeTest {

    static final String PACK = "5012345678900";        // EAN-13
    static final String EAN_8 = "96385074";
    static final String WRONG_CHECK_DIGIT = "5012345678901";

    private CatalogueViewModel catalogue;

    @BeforeEach
    void tabs() {
        catalogue = office.catalogue();
    }

    private void addPickAndMix() {
        catalogue.addSweet(SoldBy.WEIGHED, "PM", "Pick & Mix", "Loose", "14.99", "2.5kg", "750g", "42", "");
        assertThat(status.messageProperty().get()).isEqualTo("Added Pick & Mix (PM).");
    }

    /** Everything the database holds, the catalogue as its service lists it and FB's ledger: compared before and after. */
    private List<Object> state() {
        return List.of(Snapshot.of(app.database().dataSource()), app.catalog().list(), app.stock().movements("FB", 100));
    }

    @Test
    void aWeighedSweetIsAddedWithItsPricePerKgGramsAndPlu() {
        addPickAndMix();

        SweetView pm = app.catalog().find("PM");
        assertThat(pm.soldBy()).isEqualTo(SoldBy.WEIGHED);
        assertThat(pm.price()).isEqualByComparingTo("14.99");
        assertThat(pm.stock()).isEqualTo(2_500);
        assertThat(pm.reorderLevel()).isEqualTo(750);
        assertThat(pm.plu()).isEqualTo(42);
        assertThat(app.stock().movements("PM", 10)).extracting(MovementView::quantity, MovementView::stockAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2_500, 2_500));
        SweetView row = catalogue.sweets().stream().filter(s -> s.sku().equals("PM")).findFirst().orElseThrow();
        assertThat(List.of(SweetFigures.price(row), SweetFigures.stock(row), SweetFigures.reorder(row), SweetFigures.plu(row.plu())))
                .containsExactly("14.99 / kg", "2.500 kg", "750 g", "00042");
    }

    @Test
    void aCountedSweetIsAddedWithItsBarcodesAndTheChosenOneGetsAnother() {
        catalogue.addSweet(SoldBy.COUNTED, "GB", "Gobstopper", "Novelty", "0.30", "10", "2", "", " " + PACK + " ");
        assertThat(status.messageProperty().get()).isEqualTo("Added Gobstopper (GB).");
        assertThat(app.catalog().barcodes("GB")).containsExactly(PACK);
        assertThat(app.catalog().find("GB").soldBy()).isEqualTo(SoldBy.COUNTED);

        choose("GB");
        assertThat(catalogue.barcodes()).containsExactly(PACK);
        catalogue.addBarcode(EAN_8);
        assertThat(status.messageProperty().get()).isEqualTo("Barcode " + EAN_8 + " is now on Gobstopper.");
        assertThat(app.catalog().barcodes("GB")).containsExactly(PACK, EAN_8);
        assertThat(catalogue.barcodes()).containsExactly(PACK, EAN_8);
        choose("FB");
        assertThat(catalogue.barcodes()).isEmpty();
    }

    @Test
    void aBareNumberForAWeighedSweetIsRefusedInQuantitysWordsAndChangesNothing() {
        List<Object> before = state();
        catalogue.addSweet(SoldBy.WEIGHED, "PM", "Pick & Mix", "Loose", "14.99", "2500", "750g", "", "");
        assertThat(status.messageProperty().get())
                .isEqualTo("Give the weight with its unit, e.g. 250g or 0.25kg: '2500' could be grams or kilograms.");
        assertThat(status.errorProperty().get()).isTrue();
        catalogue.addSweet(SoldBy.WEIGHED, "PM", "Pick & Mix", "Loose", "14.99", "2.5kg", "750", "", "");
        assertThat(status.messageProperty().get())
                .isEqualTo("Give the weight with its unit, e.g. 250g or 0.25kg: '750' could be grams or kilograms.");
        catalogue.addSweet(SoldBy.WEIGHED, "PM", "Pick & Mix", "Loose", "14.99", "2.5kg", "750g", "123456", "");
        assertThat(status.messageProperty().get()).startsWith("PLU ");
        assertThat(state()).isEqualTo(before);
        assertThat(catalogue.sweets()).extracting(SweetView::sku).doesNotContain("PM");
    }

    @Test
    void aWeighedSweetWithAPackBarcodeIsRefusedInTheCataloguesWords() {
        List<Object> before = state();
        catalogue.addSweet(SoldBy.WEIGHED, "PM", "Pick & Mix", "Loose", "14.99", "2.5kg", "750g", "42", PACK);
        assertThat(status.messageProperty().get()).isEqualTo("Pick & Mix is sold by weight: it is found by its PLU on a scale label, not"
                + " by a pack's barcode (sell packs as a counted sweet of their own).");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(state()).isEqualTo(before);

        addPickAndMix();
        choose("PM");
        List<Object> added = state();
        catalogue.addBarcode(EAN_8);
        assertThat(status.messageProperty().get()).startsWith("Pick & Mix is sold by weight");
        assertThat(state()).isEqualTo(added);
    }

    @Test
    void aBarcodeWithAWrongCheckDigitIsRefusedAndChangesNothing() {
        List<Object> before = state();
        catalogue.addSweet(SoldBy.COUNTED, "GB", "Gobstopper", "Novelty", "0.30", "10", "2", "", WRONG_CHECK_DIGIT);
        assertThat(status.messageProperty().get()).contains("wrong check digit");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(state()).isEqualTo(before);

        choose("FB");
        catalogue.addBarcode(WRONG_CHECK_DIGIT);
        assertThat(status.messageProperty().get()).contains("wrong check digit");
        catalogue.addBarcode("  ");
        assertThat(status.messageProperty().get()).isEqualTo("Type or scan the barcode first.");
        assertThat(state()).isEqualTo(before);
        assertThat(app.catalog().barcodes("FB")).isEmpty();
    }

    @Test
    void aWeighedSweetsPriceIsPerKgAndItsReorderLevelAWeight() {
        addPickAndMix();
        choose("PM");
        catalogue.changePrice("15.50");
        assertThat(status.messageProperty().get()).isEqualTo("The price of Pick & Mix is now 15.50 / kg (was 14.99 / kg).");
        List<Object> before = state();
        catalogue.edit("", "", "", "400");
        assertThat(status.messageProperty().get())
                .isEqualTo("Give the weight with its unit, e.g. 250g or 0.25kg: '400' could be grams or kilograms.");
        assertThat(state()).isEqualTo(before);
        catalogue.edit("", "", "", "0.4kg");
        assertThat(status.messageProperty().get()).isEqualTo("Saved Pick & Mix (PM).");
        assertThat(app.catalog().find("PM").reorderLevel()).isEqualTo(400);
    }

    @Test
    void aWeighedSweetsPluIsChangedOrTakenOff() {
        addPickAndMix();
        choose("PM");
        catalogue.changePlu("123");
        assertThat(status.messageProperty().get()).isEqualTo("Pick & Mix has PLU 00123 now (was 00042).");
        assertThat(app.catalog().find("PM").plu()).isEqualTo(123);
        assertThat(catalogue.selectedProperty().get().plu()).isEqualTo(123);

        List<Object> before = state();
        catalogue.changePlu("");
        assertThat(status.messageProperty().get()).isEqualTo("Type the new PLU (1 to 99999), or none to take it off.");
        catalogue.changePlu("abc");
        assertThat(status.messageProperty().get()).isEqualTo("PLU must be a whole number such as 12, not 'abc'.");
        catalogue.changePlu("100000");
        assertThat(status.messageProperty().get()).startsWith("PLU ");
        assertThat(state()).isEqualTo(before);

        catalogue.changePlu("none");
        assertThat(status.messageProperty().get()).isEqualTo("Pick & Mix has no PLU now (was 00123).");
        assertThat(app.catalog().find("PM").plu()).isNull();
    }
}
