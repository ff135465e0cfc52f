package org.sweetshop.ui.till.sell;

import java.util.List;
import javafx.scene.Node;
import org.sweetshop.sale.Receipt;

/** The selling screen's buttons outside selling, doing nothing: window tests override the ones they watch. */
public class NoSellActions implements SellView.Actions {
    @Override
    public void camera() {
    }

    @Override
    public void openImage() {
    }

    @Override
    public void reprintLast() {
    }

    @Override
    public void logout() {
    }

    @Override
    public void closeShift() {
    }

    @Override
    public void showReceipt(Receipt receipt) {
    }

    @Override
    public void print(Node document) {
    }

    @Override
    public void savePdf(List<String> lines, String suggestedName) {
    }

    @Override
    public void backOffice() {
    }

    @Override
    public boolean scanning() {
            return false;
    }
}
