package org.sweetshop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sweetshop.common.ProductCode.Format;

class ProductCodeTest {

    @Test
    void keepsEan13AndEan8AsTheyAreAndUpcAAsItsEan13() {
        assertThat(ProductCode.parse("barcode", "5012345678900").digits()).isEqualTo("5012345678900");
        assertThat(ProductCode.parse("barcode", "96385074").digits()).isEqualTo("96385074");
        assertThat(ProductCode.parse("barcode", " 036000291452 ").digits()).isEqualTo("0036000291452");
        assertThat(ProductCode.parse("barcode", "0036000291452").printed()).isEqualTo("036000291452");
        assertThat(ProductCode.of(Format.UPC_A, "036000291452")).containsExactly(new ProductCode("0036000291452"));
    }

    @Test
    void refusesWrongCheckDigitsAndShapesSayingWhy() {
        assertThatThrownBy(() -> ProductCode.parse("barcode", "5012345678901"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Barcode 5012345678901 has a wrong check digit (the last digit should be 0): it was misread or mistyped");
        assertThatThrownBy(() -> ProductCode.parse("barcode", "12345"))
                .hasMessage("A barcode is 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13): '12345' has 5");
        assertThatThrownBy(() -> ProductCode.parse("barcode", "50123x5678900"))
                .hasMessage("A barcode is 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13): '50123x5678900' is not");
        assertThatThrownBy(() -> ProductCode.parse("barcode", "")).isInstanceOf(InvalidInputException.class);
        assertThat(ProductCode.of(Format.EAN_13, "5012345678901")).isEmpty();
        assertThat(ProductCode.candidates("1234")).isEmpty();
    }

    @Test
    void readsUpcEAsTheUpcAItStandsFor() {
        // the four zero-suppression forms (last digit 0-2, 3, 4, 5-9)
        assertThat(ProductCode.expandUpcE("04252614")).isEqualTo("042100005264");
        assertThat(ProductCode.expandUpcE("01234530")).isNull(); // its UPC-A 012300000451 ends in 1, not 0
        assertThat(ProductCode.expandUpcE("0" + "123453" + ProductCode.checkDigit("01230000045"))).isEqualTo("01230000045" + ProductCode.checkDigit("01230000045"));
        assertThat(ProductCode.expandUpcE("0" + "123454" + ProductCode.checkDigit("01234000005"))).isEqualTo("01234000005" + ProductCode.checkDigit("01234000005"));
        assertThat(ProductCode.expandUpcE("0" + "123457" + ProductCode.checkDigit("01234500007"))).isEqualTo("01234500007" + ProductCode.checkDigit("01234500007"));
        assertThat(ProductCode.of(Format.UPC_E, "04252614")).containsExactly(new ProductCode("0042100005264"));
    }

    @Test
    void eightDigitsFromAGunMayBeAnEan8OrAUpcE() {
        assertThat(ProductCode.candidates("96385074")).containsExactly(new ProductCode("96385074"));
        assertThat(ProductCode.candidates("04252614")).contains(new ProductCode("0042100005264"));
        assertThat(ProductCode.candidates("5012345678900")).containsExactly(new ProductCode("5012345678900"));
    }
}
