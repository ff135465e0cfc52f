package org.sweetshop.ui.office.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.SoldBy;
import org.sweetshop.tax.TaxRateView;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.office.OfficeTest;

/** The catalogue tab's model: adding, editing, taking off sale; bad input changes nothing. */
class CatalogueViewModelTest extends OfficeTest {

    private CatalogueViewModel catalogue;

    @BeforeEach
    void tabs() {
        catalogue = office.catalogue();
    }

    @Test
    void addsASweetAndRefusesBadInputWithoutChangingAnything() {
        String before = Snapshot.of(app.database().dataSource());
        catalogue.addSweet(SoldBy.COUNTED, "JB-200", "Jelly Babies", "Jelly", "1.234", "10", "2", "", "");
        assertThat(status.messageProperty().get()).startsWith("Price ");
        catalogue.addSweet(SoldBy.COUNTED, "JB-200", "Jelly Babies", "Jelly", "1.60", "ten", "2", "", "");
        assertThat(status.messageProperty().get()).isEqualTo("Opening stock must be a whole number such as 12, not 'ten'.");
        catalogue.addSweet(SoldBy.COUNTED, "SL", "Again", "Jelly", "1.60", "1", "0", "", "");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        catalogue.addSweet(SoldBy.COUNTED, "JB-200", "Jelly Babies", "Jelly", "1.60", "10", "2", "", "");
        assertThat(status.messageProperty().get()).isEqualTo("Added Jelly Babies (JB-200).");
        assertThat(catalogue.sweets()).extracting(SweetView::sku).contains("JB-200");
        assertThat(catalogue.categories()).contains("Jelly");
    }

    @Test
    void takingASweetOffSaleKeepsItInTheCatalogue() {
        choose("FB");
        catalogue.deactivate();
        assertThat(status.messageProperty().get()).isEqualTo("Sweet FB is no longer for sale (its history is kept).");
        assertThat(catalogue.sweets()).filteredOn(s -> s.sku().equals("FB")).extracting(SweetView::active).containsExactly(false);
    }

    @Test
    void editsTheChosenSweetsDetails() {
        choose("FB");
        catalogue.edit("FB-2", "Fudge Bar", "Fudge", "4");
        assertThat(status.messageProperty().get()).isEqualTo("Saved Fudge Bar (FB-2).");
        assertThat(catalogue.sweets()).filteredOn(s -> s.sku().equals("FB-2")).extracting(SweetView::category, SweetView::reorderLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fudge", 4));
        catalogue.edit("", "", "", "lots");
        assertThat(status.messageProperty().get()).isEqualTo("Reorder level must be a whole number such as 12, not 'lots'.");
    }

    @Test
    void aSweetIsAddedAtAChosenRateAndMovedToAnotherWithItsPastSalesKeepingTheirs() {
        catalogue.reload();
        assertThat(catalogue.taxRates()).extracting(TaxRateView::code).containsExactly("RED", "STD", "ZERO");
        TaxRateView reduced = catalogue.taxRates().get(0);
        TaxRateView zero = catalogue.taxRates().get(2);

        catalogue.addSweet(SoldBy.COUNTED, "MH", "Mint Humbugs", "Boiled", "2.00", "10", "0", "", "", reduced);
        assertThat(status.messageProperty().get()).isEqualTo("Added Mint Humbugs (MH).");
        assertThat(catalogue.sweets()).filteredOn(s -> s.sku().equals("MH")).extracting(SweetView::taxCode).containsExactly("RED");

        choose("MH");
        catalogue.changeTax(zero);

        assertThat(status.messageProperty().get()).isEqualTo("Mint Humbugs is sold at ZERO (Zero, 0%) now (was RED).");
        assertThat(catalogue.sweets()).filteredOn(s -> s.sku().equals("MH")).extracting(SweetView::taxCode).containsExactly("ZERO");
        String before = Snapshot.of(app.database().dataSource());
        catalogue.changeTax(null);
        assertThat(status.messageProperty().get()).isEqualTo("Choose the tax rate first.");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
