package org.sweetshop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sweetshop.AppContext;
import org.sweetshop.DemoStore;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;
import picocli.CommandLine.Command;

@Command(name = "demo", description = "Fills an empty store with a demo catalogue, staff (passwords printed), coupons and promo codes.")
final class DemoCommand extends CliCommand {

    @Override
    public Integer call() throws IOException {
        AppContext context = context();
        if (!context.staff().noStaffYet()) {
            throw new AlreadyExistsException("store", "demo", "the demo needs an empty store: this database already has staff");
        }
        var out = out();
        String ownerPassword = StaffService.generatePassword();
        context.staff().register(null, "owner", Role.OWNER, ownerPassword);
        Caller owner = context.staff().login("owner", ownerPassword);
        String till = cli().config().terminal();
        DemoStore.Loaded demo = DemoStore.load(context, owner, till, cli().config().dataDir().resolve("demo-coupons"));
        List<IssuedCoupon> coupons = demo.coupons();
        String managerPassword = demo.managerPassword();
        String cashierPassword = demo.cashierPassword();
        Path couponDir = demo.couponDir();

        out.println("Demo store ready: " + DemoStore.SWEETS.size() + " sweets, 3 staff, " + coupons.size() + " coupons, 2 promo codes.");
        out.println();
        out.println("Staff (write these down; passwords are stored hashed):");
        out.println("  username password");
        out.println("  owner    " + ownerPassword);
        out.println("  manager  " + managerPassword);
        out.println("  cashier  " + cashierPassword);
        out.println();
        out.println("Coupons (QR codes in " + couponDir + "):");
        for (IssuedCoupon coupon : coupons) {
            out.println("  " + coupon.token() + "  " + coupon.discount().describe()
                    + (coupon.expiresOn() == null ? "" : ", valid until " + coupon.expiresOn()));
        }
        out.println();
        out.println("Promo codes: " + DemoStore.PROMOS);
        return Cli.OK;
    }
}
