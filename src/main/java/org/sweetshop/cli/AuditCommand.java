package org.sweetshop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.audit.AuditCheck;
import org.sweetshop.audit.AuditReport;
import picocli.CommandLine.Command;

@Command(name = "audit", description = {"Checks every invariant the tills promise (stock, coupons, promos, receipts).",
        "Exits 3 when any check fails."})
final class AuditCommand extends JsonCommand {


    @Override
    public Integer call() {
        AuditReport report = context().audit().run();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", report.ok());
            result.put("openDiscrepancies", report.openDiscrepancies());
            result.put("checks", report.checks().stream().map(c -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("name", c.name());
                check.put("ok", c.ok());
                check.put("description", c.description());
                check.put("problems", c.problems());
                check.put("examples", c.examples());
                return check;
            }).toList());
            out().println(Json.write(result));
        } else {
            for (AuditCheck check : report.checks()) {
                out().printf("%-4s %-32s %s%n", check.ok() ? "ok" : "FAIL", check.name(),
                        check.ok() ? check.description() : check.problems() + " problem(s): " + check.description());
                check.examples().forEach(example -> out().println("       " + example));
            }
            if (report.openDiscrepancies() > 0) {
                out().println(report.openDiscrepancies() + " stock discrepancy(ies) of offline sales wait for a manager"
                        + " (back office, Discrepancies; or sweetshop journal conflicts)");
            }
            out().println(report.ok() ? "audit passed" : "audit FAILED");
        }
        if (!report.ok()) {
            cli().err.println("audit failed: " + report.checks().stream().filter(c -> !c.ok()).map(AuditCheck::name).toList());
            return Cli.REFUSED;
        }
        return Cli.OK;
    }
}
