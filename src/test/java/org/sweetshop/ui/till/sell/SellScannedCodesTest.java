package org.sweetshop.ui.till.sell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sweetshop.ui.till.sell.FakeSellServices.counted;
import static org.sweetshop.ui.till.sell.FakeSellServices.weighed;

import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;

/** Product barcodes and scale labels reaching the basket, on the view model with fake services. */
class SellScannedCodesTest {

    private static final String LABEL = "2100042002506";      // 21 + PLU 00042 + 00250 g + check digit
    private static final String PACK = "5012345678900";       // an EAN-13 on a pack of Fudge Bars
    private static final String UPC_A = "036000291452";
    private static final String EAN_8 = "96385074";
    private static final String JAR = "4006381333931";        // a 200 g jar of Pick & Mix

    private final FakeSellServices services = new FakeSellServices()
            .with(weighed(1, "PM", "Pick & Mix", "15.00", 2_500, 42), counted(2, "FB", "Fudge Bar", "0.85", 3));

    private SellViewModel till(TaskExecutor tasks) {
        SellViewModel model = new SellViewModel(services, "T1", new Caller(2, "cashier", Role.CASHIER), tasks, UUID::randomUUID,
                new SellSettings(WeighingScale.NONE, true));
        model.reload();
        return model;
    }

    private SellViewModel till() {
        return till(TaskExecutor.sameThread());
    }

    @Test
    void aScaleLabelAddsItsWeighedLineAndAPackAddsOneMore() {
        services.code(LABEL, new ScannedItem(services.find("PM"), 250, true))
                .code(PACK, new ScannedItem(services.find("FB"), 1, false))
                .code(UPC_A, new ScannedItem(services.find("FB"), 1, false))
                .code(JAR, new ScannedItem(services.find("PM"), 200, false));
        SellViewModel model = till();

        model.scanned(LABEL);
        assertThat(model.messageProperty().get()).isEqualTo("Added 250 g of Pick & Mix.");
        model.scanned(" " + PACK + " ");
        assertThat(model.messageProperty().get()).isEqualTo("Added Fudge Bar.");
        model.scanned(UPC_A);
        model.scanned(JAR);

        assertThat(services.resolved).containsExactly(LABEL, PACK, UPC_A, JAR);
        assertThat(model.weighing().askedProperty().get()).isNull();   // a label's weight is its own: no keypad
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("PM", 450), tuple("FB", 2));
        // 450 g × 15.00 / kg = 6.75, 2 × 0.85 = 1.70
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("8.45");
        model.payCard();
        assertThat(services.sent.get(0).lines()).containsExactly(new BasketLine("PM", 450), new BasketLine("FB", 2));
    }

    @Test
    void theCataloguesRefusalsAreSaidAndNothingIsAdded() {
        services.refusing(LABEL, new InvalidInputException("barcode", "Barcode 2100042002507 has a wrong check digit"))
                .refusing("2199999002501", new NotFoundException("plu", "99999", "unknown PLU 99999: no weighed sweet has it"))
                .refusing("2100007002509", new InvalidInputException("barcode", "PLU 00007 is Fudge Bar, which is sold by the piece,"
                        + " not by weight"));
        SellViewModel model = till();

        model.scanned(LABEL);
        assertThat(model.messageProperty().get()).isEqualTo("Barcode 2100042002507 has a wrong check digit.");
        model.scanned("2199999002501");
        assertThat(model.messageProperty().get()).isEqualTo("Unknown PLU 99999: no weighed sweet has it.");
        model.scanned("2100007002509");
        assertThat(model.messageProperty().get()).isEqualTo("PLU 00007 is Fudge Bar, which is sold by the piece, not by weight.");
        model.scanned(PACK);
        assertThat(model.messageProperty().get()).isEqualTo("Unknown barcode: no sweet carries " + PACK + ".");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.ERROR);

        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();
        // digits that no sweet carries are tried as a promo code, and still said as an unknown barcode
        assertThat(services.promosLookedUp).containsExactly("2199999002501", PACK);
    }

    @Test
    void aPackIsRefusedPastTheStockShown() {
        services.code(PACK, new ScannedItem(services.find("FB"), 1, false));
        SellViewModel model = till();
        for (int i = 0; i < 4; i++) {
            model.scanned(PACK);
        }
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(3);
        assertThat(model.messageProperty().get()).isEqualTo("Only 3 Fudge Bar left.");
    }

    @Test
    void onlyEightTwelveOrThirteenDigitsAreCodesAndSkusAndCouponsGoWhereTheyWent() {
        SellViewModel model = till();

        model.scanned("fb");                                           // a SKU
        model.scanned("SWC-0000000000000000000000000000000Z");         // a coupon token: never all digits
        model.scanned("1234567");                                      // 7 digits: a promo code, perhaps
        model.scanned("12345678901234");                               // 14 digits: too
        model.scanned(EAN_8);

        assertThat(model.basket()).extracting(Basket.Item::sku).containsExactly("FB");
        assertThat(services.couponsPreviewed).containsExactly("SWC-0000000000000000000000000000000Z");
        assertThat(services.resolved).containsExactly(EAN_8);
        assertThat(CodeLookup.looksLikeCode("12345678")).isTrue();
        assertThat(CodeLookup.looksLikeCode("123456789012")).isTrue();
        assertThat(CodeLookup.looksLikeCode("1234567890123")).isTrue();
        assertThat(CodeLookup.looksLikeCode("1234567890")).isFalse();
        assertThat(CodeLookup.looksLikeCode("12345678a")).isFalse();
        assertThat(CodeLookup.looksLikeCode("１２３４５６７８")).isFalse();   // full-width digits are not a barcode
    }

    /** A background executor the test runs by hand: a slow catalogue. */
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
    void payWaitsForAScannedCodeAndAnAnswerForAClearedBasketIsDropped() {
        services.code(PACK, new ScannedItem(services.find("FB"), 1, false));
        HeldExecutor held = new HeldExecutor();
        SellViewModel model = till(new TaskExecutor(held, Runnable::run));
        held.runAll();
        model.add("FB");
        model.scanned(PACK);

        model.payCard();
        assertThat(model.messageProperty().get()).isEqualTo("Wait a moment: a scanned barcode is still being looked up.");
        assertThat(services.sent).isEmpty();

        model.clear();
        held.runAll();
        assertThat(model.basket()).isEmpty();
        model.scanned(PACK);
        held.runAll();
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(1);
    }
}
