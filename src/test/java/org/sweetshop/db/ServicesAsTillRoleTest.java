package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * Run by the {@code till-role} surefire execution beside the service suites: proves they really
 * talk to the database as a till's role, not as the owner.
 */
@EnabledIfSystemProperty(named = TestDatabase.ROLE_PROPERTY, matches = "till")
class ServicesAsTillRoleTest {

    @Test
    void theServicesUnderTestConnectAsATillRole() {
        var services = TestDatabase.get().context().database().dataSource();
        assertThat(Sql.queryLong(services, "select count(*) from pg_roles where rolname = current_user and rolname = 'till_test'"
                + " and pg_has_role(current_user, 'sweetshop_till', 'USAGE') and not pg_has_role(current_user, 'sweetshop_office', 'USAGE')"
                + " and not rolsuper and not rolcreaterole")).isEqualTo(1);
        assertThat(Sql.queryLong(TestDatabase.get().office().database().dataSource(),
                "select count(*) from pg_roles where rolname = current_user and rolname = 'till_test'")).isZero();
    }
}
