package org.sweetshop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;

/** The category-and-search filter the till's tiles and the back office's table share. */
class CatalogueFilterTest {

    private final ObservableList<SweetView> sweets = FXCollections.observableArrayList();
    private CatalogueFilter filter;

    private static SweetView sweet(long id, String sku, String name, String category) {
        return new SweetView(id, sku, name, category, new BigDecimal("1.00"), 10, 2, true);
    }

    @BeforeEach
    void fill() {
        sweets.setAll(sweet(1, "SL-100", "Sherbet Lemons", "Boiled"), sweet(2, "JB-200", "Jelly Babies", "Jelly"),
                sweet(3, "FB-010", "Fudge Bar", "fudge"), sweet(4, "LR-001", "Liquorice Wheel", "Liquorice"));
        filter = new CatalogueFilter(sweets);
        filter.categoriesOf(sweets);
    }

    private List<String> shown() {
        return filter.shown().stream().map(SweetView::sku).toList();
    }

    @Test
    void categoriesAreAllThenTheSweetsOwnInAlphabeticalOrderIgnoringCase() {
        assertThat(filter.categories()).containsExactly(CatalogueFilter.ALL, "Boiled", "fudge", "Jelly", "Liquorice");
        assertThat(shown()).containsExactly("SL-100", "JB-200", "FB-010", "LR-001");
    }

    @Test
    void searchMatchesNameOrSkuIgnoringCaseAndSurroundingSpaces() {
        filter.searchProperty().set("  jelly ");
        assertThat(shown()).containsExactly("JB-200");
        filter.searchProperty().set("lr-0");
        assertThat(shown()).containsExactly("LR-001");
        filter.searchProperty().set("BA");
        assertThat(shown()).containsExactly("JB-200", "FB-010");
    }

    @Test
    void aCategoryAndASearchNarrowTogether() {
        filter.categoryProperty().set("Liquorice");
        assertThat(shown()).containsExactly("LR-001");
        filter.searchProperty().set("sherbet");
        assertThat(shown()).isEmpty();
        filter.categoryProperty().set(CatalogueFilter.ALL);
        assertThat(shown()).containsExactly("SL-100");
    }

    @Test
    void aCategoryThatGoesAwayFallsBackToAll() {
        filter.categoryProperty().set("fudge");
        sweets.remove(2);
        filter.categoriesOf(sweets);
        assertThat(filter.categoryProperty().get()).isEqualTo(CatalogueFilter.ALL);
        assertThat(filter.offers("fudge")).isFalse();
        assertThat(shown()).containsExactly("SL-100", "JB-200", "LR-001");
    }

    @Test
    void aSweetAddedToTheSourceIsShownWhenItMatches() {
        filter.searchProperty().set("mice");
        sweets.add(sweet(5, "CM-150", "Chocolate Mice", "Chocolate"));
        assertThat(shown()).containsExactly("CM-150");
    }
}
