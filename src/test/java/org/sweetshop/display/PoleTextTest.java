package org.sweetshop.display;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines of a 2×20 pole display: exactly 20 columns of printable ASCII, names cut sensibly, amounts on the right. */
class PoleTextTest {

    @Test
    void aNameAndItsAmountSpreadOverTwentyColumns() {
        assertThat(PoleText.spread("Fudge Bar", "1.70")).isEqualTo("Fudge Bar       1.70");
        assertThat(PoleText.spread("TOTAL", "12.34")).isEqualTo("TOTAL          12.34");
    }

    @Test
    void aLongNameIsCutAtAWordWhereThatKeepsHalfTheRoom() {
        // 20 - "18.78" - one space = 14 columns for the name
        assertThat(PoleText.spread("Fizzy Cola Bottles (loose)", "18.78")).isEqualTo("Fizzy Cola     18.78");
        assertThat(PoleText.spread("Strawberrylaces Supreme", "0.99")).isEqualTo("Strawberrylaces 0.99");
        assertThat(PoleText.spread("Pick & Mix Deluxe", "3.79")).isEqualTo("Pick & Mix      3.79");
    }

    @Test
    void theLargestAmountStillLeavesRoomForAName() {
        assertThat(PoleText.spread("Wedding jars", "1000000.00")).isEqualTo("Wedding   1000000.00");
    }

    @Test
    void lettersTheDisplayLacksBecomeWhatItHas() {
        assertThat(PoleText.ascii("Crème brûlée fudge")).isEqualTo("Creme brulee fudge");
        assertThat(PoleText.ascii("Süßholz")).isEqualTo("Sussholz");
        assertThat(PoleText.ascii("£1 mix")).isEqualTo("GBP1 mix");
        assertThat(PoleText.ascii("€2 mix")).isEqualTo("EUR2 mix");
        assertThat(PoleText.ascii("Grandma’s “best” – jar…")).isEqualTo("Grandma's \"best\" - jar...");
        assertThat(PoleText.ascii("Øre smørrebrød")).isEqualTo("Ore smorrebrod");
        assertThat(PoleText.ascii("熊猫 gummies")).isEqualTo("?? gummies");
        assertThat(PoleText.ascii("tab\there")).isEqualTo("tab here");
    }

    @Test
    void theWelcomeIsCentred() {
        assertThat(PoleText.centred("Welcome to")).isEqualTo("     Welcome to     ");
        assertThat(PoleText.centred("Sweetshop")).isEqualTo("     Sweetshop      ");
        assertThat(PoleText.centred("The Very Old Sweet Shop of Haworth")).isEqualTo(" The Very Old Sweet ");
    }

    @Test
    void everyLineIsTwentyColumns() {
        for (String line : new String[] {PoleText.spread("", ""), PoleText.spread("x", "y"), PoleText.left("é"), PoleText.centred(""),
                PoleText.spread("a very long name that goes on", "123456789012345678901234")}) {
            assertThat(line).hasSize(20);
            assertThat(line.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)).isTrue();
        }
    }
}
