package org.sweetshop.ui.office.promos;

import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.promo.PromoService;
import org.sweetshop.promo.PromoView;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.TypedInput;

/** Promo codes: every code with its uses, adding one, changing its limits, switching it off. */
public final class PromosViewModel {

    private final PromoService promoService;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<PromoView> promos = FXCollections.observableArrayList();

    public PromosViewModel(PromoService promoService, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.promoService = promoService;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads the codes again (the tills use them meanwhile). */
    public void reload() {
        status.task(promoService::list).onSuccess(promos::setAll).executeWith(tasks);
    }

    public void addPromo(String code, boolean percent, String amount, String maxUses, String validUntil) {
        NewPromo promo;
        try {
            Discount discount = TypedInput.discount(percent, amount);
            promo = new NewPromo(code, discount, TypedInput.wholeOrNone("maximum uses", maxUses), null,
                    TypedInput.date("valid until", validUntil));
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Adding the promo code…");
        status.task(() -> promoService.add(manager, promo))
                .onSuccess(added -> changed("Promo " + added.code() + " added: " + added.discount().describe() + "."))
                .executeWith(tasks);
    }

    /** New limits for a promo code: max uses (empty: unlimited), last valid day (empty: none), on or off. */
    public void editPromo(String code, String maxUses, String validUntil, boolean active) {
        Integer uses;
        LocalDate until;
        try {
            uses = TypedInput.wholeOrNone("maximum uses", maxUses);
            until = TypedInput.date("valid until", validUntil);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Saving " + code + "…");
        status.task(() -> promoService.edit(manager, code, uses, until, active))
                .onSuccess(edited -> changed("Promo " + edited.code() + ": " + edited.uses() + (edited.maxUses() == null
                        ? " uses, no limit" : " of " + edited.maxUses() + " uses")
                        + (edited.validUntil() == null ? "" : ", until " + edited.validUntil())
                        + (edited.active() ? "" : ", switched off") + "."))
                .executeWith(tasks);
    }

    public void deactivatePromo(String code) {
        status.say("Deactivating " + code + "…");
        status.task(() -> promoService.deactivate(manager, code))
                .onSuccess(done -> changed("Promo " + code + " can no longer be used."))
                .executeWith(tasks);
    }

    private void changed(String done) {
        status.say(done);
        reload();   // says nothing when it works: the action's message stays
    }

    public ObservableList<PromoView> promos() {
        return promos;
    }
}
