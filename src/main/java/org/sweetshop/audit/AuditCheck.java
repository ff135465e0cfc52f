package org.sweetshop.audit;

import java.util.List;

/**
 * One invariant checked.
 *
 * @param problems how many rows break it (0 when it holds)
 * @param examples up to ten of them, for a person to look at
 */
public record AuditCheck(String name, String description, long problems, List<String> examples) {

    public boolean ok() {
        return problems == 0;
    }
}
