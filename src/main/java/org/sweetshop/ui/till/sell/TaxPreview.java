package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxSplit;
import org.sweetshop.tax.TaxRateView;

/**
 * The tax a basket has added at its total when the store's prices exclude tax (US-style), worked
 * out by checkout's own rule ({@link TaxSplit}) on the basket's lines at their sweets' rates, so
 * that the total shown is the total charged. With prices including tax (the default) nothing is
 * added and no rate is needed.
 */
record TaxPreview(Map<String, TaxRateView> rates) {

    TaxPreview {
        rates = Map.copyOf(rates);
    }

    static TaxPreview of(List<TaxRateView> rates) {
        return new TaxPreview(rates.stream().collect(Collectors.toMap(TaxRateView::code, r -> r)));
    }

    /**
     * The tax added at the total: each line at its sweet's rate (a sweet whose rate is not known
     * here, at the store's default rate), the discounts shared as checkout shares them.
     */
    BigDecimal added(Basket basket, Function<String, Optional<SweetView>> sweets) {
        if (basket.isEmpty() || rates.isEmpty()) {
            return Money.ZERO;
        }
        TaxRateView fallback = rates.values().stream().filter(TaxRateView::isDefault).findFirst().orElse(null);
        List<TaxSplit.Line> lines = new ArrayList<>();
        for (Basket.Item item : basket.items()) {
            TaxRateView rate = sweets.apply(item.sku()).map(SweetView::taxCode).map(rates::get).orElse(fallback);
            if (rate == null) {
                return Money.ZERO;
            }
            lines.add(rate.line(item.total()));
        }
        return TaxSplit.of(lines, basket.pricing().total(), false).added();
    }
}
