package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** {@code staff pin USER --as USER [--clear]}: the PIN from SWEETSHOP_PIN or standard input, never printed. */
class StaffPinCliTest extends DatabaseTest {

    @Test
    void oneSetsTheirOwnPinFromStandardInputAndAManagerClearsACashiersWithClear() {
        var own = new CliRunner().stdin("2580\n").run("staff", "pin", "cashier", "--as", "cashier");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).isEqualTo("PIN of cashier set\n");
        assertThat(app.staff().unlock("cashier", "2580")).isEqualTo(cashier);

        var cleared = new CliRunner().run("staff", "pin", "cashier", "--clear", "--as", "manager");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).isEqualTo("PIN of cashier cleared\n");
        var again = new CliRunner().run("staff", "pin", "cashier", "--clear", "--as", "manager");
        assertThat(again.out()).isEqualTo("cashier had no PIN: nothing changed\n");

        assertThat(app.auditLog().list(owner, AuditLogFilter.latest(2))).extracting(e -> e.staff() + " " + e.action() + " " + e.subject())
                .containsExactly("manager " + AuditAction.PIN_CLEAR + " cashier", "cashier " + AuditAction.PIN_SET + " cashier");
        assertThat(own.out() + own.err() + cleared.out()).doesNotContain("2580");
    }

    @Test
    void anOwnerSetsAManagersPinFromSweetshopPin() {
        var set = new CliRunner().env("SWEETSHOP_PIN", "3691").run("staff", "pin", "manager", "--as", "owner");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(app.staff().unlock("manager", "3691")).isEqualTo(manager);
    }

    @Test
    void refusalsExitWithTheirCodeAndChangeNothing() {
        String before = Snapshot.of(office.database().dataSource());

        var easy = new CliRunner().env("SWEETSHOP_PIN", "1234").run("staff", "pin", "cashier", "--as", "manager");
        assertThat(easy.exitCode()).isEqualTo(Cli.INVALID);
        assertThat(easy.err()).contains("that PIN is too easy to guess");
        var letters = new CliRunner().stdin("12ab\n").run("staff", "pin", "cashier", "--as", "cashier");
        assertThat(letters.exitCode()).isEqualTo(Cli.INVALID);
        assertThat(letters.err()).contains("a PIN has digits only (0 to 9), 4 to 6 of them");
        var none = new CliRunner().run("staff", "pin", "cashier", "--as", "cashier");
        assertThat(none.exitCode()).isEqualTo(Cli.INVALID);
        assertThat(none.err()).contains("no PIN for cashier: pipe it on standard input or set SWEETSHOP_PIN");
        var managerForOwner = new CliRunner().env("SWEETSHOP_PIN", "3691").run("staff", "pin", "owner", "--as", "manager");
        assertThat(managerForOwner.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(managerForOwner.err()).contains("only an owner can manage a owner account");
        var cashierForOther = new CliRunner().env("SWEETSHOP_PIN", "3691").run("staff", "pin", "manager", "--as", "cashier");
        assertThat(cashierForOther.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(cashierForOther.err()).contains("a cashier cannot set PINs (needs a manager)");

        assertThat(Snapshot.of(office.database().dataSource())).isEqualTo(before);
    }
}
