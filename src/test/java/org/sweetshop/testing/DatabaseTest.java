package org.sweetshop.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/** A test on the real database, starting from an empty store with an owner, a manager and a cashier. */
public abstract class DatabaseTest {

    public static final String PASSWORD = "correct-horse-battery";

    protected AppContext app;
    /** The back office's services, for fixtures: the same as {@link #app}, unless the suite runs as a till role. */
    protected AppContext office;
    protected Caller owner;
    protected Caller manager;
    protected Caller cashier;

    /** An emptied store database with its three accounts logged in. */
    public record Store(AppContext app, Caller owner, Caller manager, Caller cashier) {
    }

    /** Empties the test database and registers an owner, a manager and a cashier (password {@link #PASSWORD}). */
    public static Store emptyStore() {
        TestDatabase db = TestDatabase.get();
        db.reset();
        AppContext app = db.context();
        AppContext office = db.office();
        office.staff().register(null, "owner", Role.OWNER, PASSWORD);
        Caller owner = app.staff().login("owner", PASSWORD);
        office.staff().register(owner, "manager", Role.MANAGER, PASSWORD);
        office.staff().register(owner, "cashier", Role.CASHIER, PASSWORD);
        return new Store(app, owner, app.staff().login("manager", PASSWORD), app.staff().login("cashier", PASSWORD));
    }

    @BeforeEach
    void startFromAnEmptyStore() {
        Store store = emptyStore();
        app = store.app();
        office = TestDatabase.get().office();
        owner = store.owner();
        manager = store.manager();
        cashier = store.cashier();
    }

    protected SweetView sweet(String sku, String price, int stock) {
        return office.catalog().add(manager, new NewSweet(sku, "Sweet " + sku, "Test", new BigDecimal(price), stock, 0), "T0");
    }

    protected int stockOf(String sku) {
        return app.catalog().find(sku).stock();
    }

    protected static CheckoutRequest basket(String till, List<BasketLine> lines) {
        return new CheckoutRequest(UUID.randomUUID(), till, lines, null, null, Payment.card());
    }

    protected static BasketLine line(String sku, int quantity) {
        return new BasketLine(sku, quantity);
    }
}
