package org.sweetshop.ui.till.sell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sweetshop.ui.till.sell.FakeSellServices.counted;
import static org.sweetshop.ui.till.sell.FakeSellServices.weighed;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * Weighed sweets at the till, on the view model with fakes (no database, no UI thread): the scale,
 * its refusals, the keypad, stock in grams, re-weighing and tare.
 */
class SellWeighingTest {

    private static final Caller CASHIER = new Caller(2, "cashier", Role.CASHIER);

    /** Pick & Mix at 15.00 / kg (1.50 / 100 g), 2.5 kg in stock; Fudge Bar counted. */
    private final FakeSellServices services = new FakeSellServices()
            .with(weighed(1, "PM", "Pick & Mix", "15.00", 2_500, 42), counted(2, "FB", "Fudge Bar", "0.85", 2),
                    weighed(3, "LQ", "Liquorice", "0.90", 1_000, null), weighed(4, "GONE", "Jelly Babies", "12.00", 0, null));

    private SellViewModel till(WeighingScale scale) {
        return till(scale, TaskExecutor.sameThread());
    }

    private SellViewModel till(WeighingScale scale, TaskExecutor tasks) {
        SellViewModel model = new SellViewModel(services, "T1", CASHIER, tasks, UUID::randomUUID, new SellSettings(scale, true));
        model.reload();
        return model;
    }

    private static void type(SellViewModel model, String digits) {
        digits.chars().forEach(c -> model.weighing().digit(c - '0'));
    }

    @Test
    void withoutAScaleTappingAWeighedSweetAsksForGramsAndAddsThatLine() {
        SellViewModel model = till(WeighingScale.NONE);

        model.add("PM");

        assertThat(model.weighing().askedProperty().get().sweet().sku()).isEqualTo("PM");
        assertThat(model.weighing().keypadMessageProperty().get()).isEmpty();
        assertThat(model.basket()).isEmpty();
        type(model, "253");
        assertThat(model.weighing().typedProperty().get()).isEqualTo("253");
        model.weighing().confirm();

        assertThat(model.weighing().askedProperty().get()).isNull();
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity, Basket.Item::soldBy)
                .containsExactly(tuple("PM", 253, SoldBy.WEIGHED));
        // 253 g × 15.00 / kg = 3.795, rounded once for the line, half-up
        assertThat(model.basket().get(0).total()).isEqualByComparingTo("3.80");
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("3.80");
        assertThat(model.messageProperty().get()).isEqualTo("Added 253 g of Pick & Mix.");
    }

    @Test
    void theKeypadRefusesNothingAndZeroTakesAtMostFiveDigitsAndCancelAddsNothing() {
        SellViewModel model = till(WeighingScale.NONE);
        model.add("PM");

        model.weighing().confirm();
        assertThat(model.weighing().keypadMessageProperty().get()).isEqualTo("Type the weight in grams.");
        type(model, "0");
        model.weighing().confirm();
        assertThat(model.weighing().keypadMessageProperty().get()).isEqualTo("The weight must be from 1 g to 99.999 kg, not 0 g.");
        model.weighing().backspace();
        model.weighing().backspace();
        type(model, "1234567");
        assertThat(model.weighing().typedProperty().get()).isEqualTo("12345");
        model.weighing().digit(-1);
        model.weighing().digit(10);
        assertThat(model.weighing().typedProperty().get()).isEqualTo("12345");
        assertThat(model.basket()).isEmpty();

        model.weighing().cancel();

        assertThat(model.weighing().askedProperty().get()).isNull();
        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Nothing was weighed.");
    }

    @Test
    void withAScaleTappingReadsItAndASecondWeighingAddsItsGramsToTheLine() {
        FakeScale scale = new FakeScale(true, false).weighs(250).weighs(300);
        SellViewModel model = till(scale);

        model.add("PM");
        model.add("FB");
        model.increment("PM");   // + on a weighed line is another weighing

        assertThat(scale.reads()).isEqualTo(2);
        assertThat(model.weighing().askedProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Added 300 g of Pick & Mix. Its line has 550 g now.");
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity)
                .containsExactly(tuple("PM", 550), tuple("FB", 1));
        // one line per sweet, rounded once: 550 g × 15.00 = 8.25, + 0.85
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("9.10");

        model.payCard();

        assertThat(services.sent).hasSize(1);
        assertThat(services.sent.get(0).lines()).containsExactly(new BasketLine("PM", 550), new BasketLine("FB", 1));
        assertThat(model.lastReceiptProperty().get().total()).isEqualByComparingTo("9.10");
    }

    @Test
    void eachRefusalOfTheScaleIsSaidTheBasketIsKeptAndTheKeypadOffered() {
        String[] refusals = {
            "the scale is still moving: wait until the weight is steady and try again",
            "the scale is overloaded: take some weight off and try again",
            "the scale shows zero: put the sweets on the scale and try again",
            "the scale shows less than zero: empty it, zero it and try again",
            "the scale stopped answering: check its cable"};
        FakeScale scale = new FakeScale(true, false).weighs(100);
        for (String refusal : refusals) {
            scale.refuses(refusal);
        }
        SellViewModel model = till(scale);
        model.add("PM");

        for (String refusal : refusals) {
            model.add("PM");

            String sentence = Character.toUpperCase(refusal.charAt(0)) + refusal.substring(1) + ".";
            assertThat(model.messageProperty().get()).isEqualTo("The scale gave no weight: " + refusal + ". Type the weight, or Cancel.");
            assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.ERROR);
            assertThat(model.weighing().askedProperty().get().sweet().sku()).isEqualTo("PM");
            assertThat(model.weighing().keypadMessageProperty().get()).isEqualTo(sentence);
            assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("PM", 100));
            model.weighing().cancel();
        }
        // and the typed weight is taken after a refusal
        scale.refuses(refusals[0]);
        model.add("PM");
        type(model, "150");
        model.weighing().confirm();
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(250);
        assertThat(scale.reads()).isEqualTo(7);
    }

    @Test
    void aTillThatMustWeighOnItsScaleNeverOffersTheKeypad() {
        FakeScale scale = new FakeScale(true, true).refuses("the scale is still moving: wait until the weight is steady and try again");
        SellViewModel model = till(scale);

        model.add("PM");

        assertThat(model.messageProperty().get()).isEqualTo("This till must weigh on its scale: the scale is still moving: "
                + "wait until the weight is steady and try again. Nothing was added.");
        assertThat(model.weighing().askedProperty().get()).isNull();
        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();

        SellViewModel noScale = till(new FakeScale(false, true));
        noScale.add("PM");
        assertThat(noScale.messageProperty().get()).isEqualTo("This till must weigh on its scale: no scale is set up. Nothing was added.");
        assertThat(noScale.weighing().askedProperty().get()).isNull();
    }

    /** A background executor the test runs by hand: a scale that takes its time. */
    private static final class HeldExecutor implements Executor {
        private final ArrayDeque<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void whileTheScaleIsReadTheTillSaysWeighingAndPayWaits() {
        HeldExecutor held = new HeldExecutor();
        FakeScale scale = new FakeScale(true, false).weighs(200).weighs(999);
        SellViewModel model = till(scale, new TaskExecutor(held, Runnable::run));
        held.runAll();   // the catalogue
        model.add("FB");

        model.add("PM");
        assertThat(model.weighing().busyProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Weighing Pick & Mix…");
        model.add("PM");
        assertThat(model.messageProperty().get()).isEqualTo("Wait: the scale is being read.");
        model.payCard();
        assertThat(model.messageProperty().get()).isEqualTo("Wait a moment: the scale is still being read.");
        assertThat(services.sent).isEmpty();

        held.runAll();

        assertThat(model.weighing().busyProperty().get()).isFalse();
        assertThat(scale.reads()).isEqualTo(1);
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("FB", 1), tuple("PM", 200));
    }

    @Test
    void aReadingThatComesBackAfterTheBasketWasClearedIsDropped() {
        HeldExecutor held = new HeldExecutor();
        SellViewModel model = till(new FakeScale(true, false).weighs(200), new TaskExecutor(held, Runnable::run));
        held.runAll();
        model.add("FB");
        model.add("PM");

        model.clear();
        held.runAll();

        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();
    }

    @Test
    void stockIsCheckedInGramsAndASoldOutWeighedSweetSaysWhatIsLeft() {
        FakeScale scale = new FakeScale(true, false).weighs(2_000).weighs(600).weighs(500);
        SellViewModel model = till(scale);

        model.add("PM");
        model.add("PM");
        assertThat(model.messageProperty().get()).isEqualTo("Only 2.500 kg of Pick & Mix left (2.000 kg of it in this basket).");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(2_000);
        model.add("PM");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(2_500);
        // all of it is in the basket: said before the scale is read
        model.add("PM");
        assertThat(model.messageProperty().get()).isEqualTo("Only 2.500 kg of Pick & Mix left (2.500 kg of it in this basket).");
        model.add("GONE");
        assertThat(model.messageProperty().get()).isEqualTo("Jelly Babies is out of stock.");
        assertThat(scale.reads()).isEqualTo(3);

        // a weighing larger than the stock, with nothing in the basket yet
        SellViewModel other = till(new FakeScale(true, false).weighs(1_200));
        other.add("LQ");
        assertThat(other.messageProperty().get()).isEqualTo("Only 1.000 kg of Liquorice left.");
        assertThat(other.basket()).isEmpty();
        // the counted wording is kept
        other.add("FB");
        other.add("FB");
        other.add("FB");
        assertThat(other.messageProperty().get()).isEqualTo("Only 2 Fudge Bar left.");
    }

    @Test
    void aWeighedLineThatComesToNothingIsRefused() {
        SellViewModel model = till(new FakeScale(true, false).weighs(5).weighs(6));

        model.add("LQ");   // 5 g × 0.90 / kg = 0.0045 → 0.00

        assertThat(model.messageProperty().get()).isEqualTo("5 g of Liquorice comes to 0.00: a weighed line must cost something, weigh more.");
        assertThat(model.basket()).isEmpty();
        model.add("LQ");   // 6 g: 0.0054 → 0.01
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("0.01");
    }

    @Test
    void minusDoesNotTakeGramsOffAndReweighReplacesTheLinesWeight() {
        FakeScale scale = new FakeScale(true, false).weighs(250).weighs(180);
        SellViewModel model = till(scale);
        model.add("PM");

        model.decrement("PM");
        assertThat(model.messageProperty().get()).isEqualTo("Pick & Mix is weighed: re-weigh the line (F7) or remove it.");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(250);

        model.reweigh("PM");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(180);
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("2.70");
        assertThat(model.messageProperty().get()).isEqualTo("Re-weighed Pick & Mix: 180 g.");
        model.reweigh("FB");   // not a weighed line: nothing happens
        assertThat(scale.reads()).isEqualTo(2);
    }

    @Test
    void reweighingOnTheKeypadAsksForTheLinesNewWeight() {
        SellViewModel model = till(WeighingScale.NONE);
        model.add("PM");
        type(model, "400");
        model.weighing().confirm();

        model.reweigh("PM");
        assertThat(model.weighing().askedProperty().get().mode()).isEqualTo(Weighing.Mode.REWEIGH);
        type(model, "3000");
        model.weighing().confirm();
        assertThat(model.messageProperty().get()).isEqualTo("Only 2.500 kg of Pick & Mix left.");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(400);
    }

    @Test
    void tareAsksTheScaleAndSaysWhenItDidNot() {
        FakeScale scale = new FakeScale(true, false);
        SellViewModel model = till(scale);

        model.tare();
        assertThat(scale.tares()).isEqualTo(1);
        assertThat(model.messageProperty().get()).isEqualTo("Scale tared: the next weighings leave out what is on it now.");
        scale.tareFails("the scale did not take the tare: it is moving");
        model.tare();
        assertThat(model.messageProperty().get()).isEqualTo("The scale was not tared: the scale did not take the tare: it is moving.");

        SellViewModel noScale = till(WeighingScale.NONE);
        noScale.tare();
        assertThat(noScale.messageProperty().get()).isEqualTo("There is no scale at this till to tare.");
    }

    @Test
    void aLiveChangeKeepsAWeighedSweetWeighed() {
        SellViewModel model = till(WeighingScale.NONE);

        model.sweetChanged(new SweetChange(1, "PM", "Pick & Mix", "Loose", 1_800, new BigDecimal("16.00"), true));

        assertThat(model.sweet("PM").orElseThrow().weighed()).isTrue();
        assertThat(model.sweet("PM").orElseThrow().stock()).isEqualTo(1_800);
        assertThat(model.sweet("PM").orElseThrow().plu()).isEqualTo(42);
    }

    @Test
    void pricesAndStockOfWeighedSweetsAreWordedPer100gOrPerKg() {
        assertThat(Weights.perWeight(new BigDecimal("15.00"), true)).isEqualTo("1.50 / 100 g");
        assertThat(Weights.perWeight(new BigDecimal("14.99"), true)).isEqualTo("1.499 / 100 g");
        assertThat(Weights.perWeight(new BigDecimal("15.00"), false)).isEqualTo("15.00 / kg");
        assertThat(Weights.price(services.find("FB"), true)).isEqualTo("0.85");
        assertThat(Weights.stock(services.find("PM"))).isEqualTo("2.500 kg left");
        assertThat(Weights.stock(weighed(9, "X", "X", "1.00", 120, null))).isEqualTo("120 g left");
        assertThat(Weights.stock(services.find("GONE"))).isEqualTo("sold out");
        assertThat(Weights.stock(services.find("FB"))).isEqualTo("2 left");
        Basket.Item line = new Basket.Item("PM", "Pick & Mix", new BigDecimal("15.00"), 1_250, SoldBy.WEIGHED);
        assertThat(Weights.unit(line, true)).isEqualTo("1.250 kg at 1.50 / 100 g");
        assertThat(Weights.unit(line, false)).isEqualTo("1.250 kg at 15.00 / kg");
        assertThat(Weights.unit(new Basket.Item("FB", "Fudge Bar", new BigDecimal("0.85"), 2), true)).isEqualTo("0.85 each");
    }

    @Test
    void aCheckoutRefusedForLackOfGramsSaysGramsAndKeepsTheBasket() {
        SellViewModel model = till(new FakeScale(true, false).weighs(250));
        model.add("PM");
        model.add("FB");
        services.checkoutRefusal = new org.sweetshop.common.OutOfStockException("PM", "Pick & Mix", 120, 250);

        model.payCard();

        assertThat(model.messageProperty().get()).isEqualTo("Out of stock: only 120 g of Pick & Mix left, 250 g asked for.");
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("PM", 250), tuple("FB", 1));
        assertThat(model.lastReceiptProperty().get()).isNull();
        services.checkoutRefusal = new org.sweetshop.common.OutOfStockException("FB", "Fudge Bar", 0, 1);
        model.payCard();
        assertThat(model.messageProperty().get()).isEqualTo("Out of stock: Fudge Bar (FB) has none left.");
    }

    @Test
    void aReadingOfNothingOrMoreThanALineHoldsIsRefused() {
        SellViewModel model = till(new FakeScale(true, false).weighs(0).weighs(100_000));

        model.add("PM");
        assertThat(model.messageProperty().get()).isEqualTo("The scale gave no weight: it read 0 g. Nothing was added.");
        services.sweets.set(0, weighed(1, "PM", "Pick & Mix", "15.00", 200_000, 42));
        model.reload();
        model.add("PM");
        assertThat(model.messageProperty().get()).isEqualTo("One line holds at most 99.999 kg of Pick & Mix.");
        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();
    }
}
