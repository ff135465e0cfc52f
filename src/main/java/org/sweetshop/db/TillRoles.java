package org.sweetshop.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.InvalidInputException;

/**
 * Each till's own database role ({@code till_<name>}, a LOGIN member of {@code sweetshop_till}, or
 * of {@code sweetshop_office} for a back office), made and revoked by the schema's owner. See V9
 * and docs/DESIGN.md, Least privilege.
 */
public final class TillRoles {

    private static final Logger LOG = LoggerFactory.getLogger(TillRoles.class);

    public static final String TILL_GROUP = "sweetshop_till";
    public static final String OFFICE_GROUP = "sweetshop_office";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");

    private TillRoles() {
    }

    /** The login role of the till called {@code name} (lower-case letters, digits and _). */
    public static String roleOf(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("till name", "a till name is 1 to 40 lower-case letters, digits or _");
        }
        return "till_" + name;
    }

    /** A new password for a till: 24 random letters and digits. */
    public static String newPassword() {
        return OwnerFiles.generatePassword();
    }

    /**
     * Makes (or re-enables with a new password) the till's login role, a member of the till's group
     * (or the back office's). {@code owner} is a connection of the schema's owner, auto-commit on.
     */
    public static String add(Connection owner, String name, String password, boolean office) throws SQLException {
        String role = roleOf(name);
        String group = office ? OFFICE_GROUP : TILL_GROUP;
        try (Statement s = owner.createStatement()) {
            s.execute((exists(owner, role) ? "alter role " : "create role ") + role + " login connection limit 50");
            // hashed here (SCRAM-SHA-256): the password itself never reaches the server, nor any log of it
            owner.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
            s.execute("revoke " + TILL_GROUP + ", " + OFFICE_GROUP + " from " + role);
            s.execute("grant " + group + " to " + role);
        }
        LOG.info("till role {} made, a member of {}", role, group);
        return role;
    }

    /**
     * Ends the till's credentials at once: the role can no longer log in, its password is gone, and
     * its open sessions are terminated. Returns how many sessions were ended; false-free: an
     * unknown till is an {@link InvalidInputException}.
     */
    public static int revoke(Connection owner, String name) throws SQLException {
        String role = roleOf(name);
        if (!exists(owner, role)) {
            throw new InvalidInputException("till name", "there is no till called " + name);
        }
        try (Statement s = owner.createStatement()) {
            s.execute("alter role " + role + " nologin password null");
        }
        int ended = 0;
        try (PreparedStatement p = owner.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where usename = ?")) {
            p.setString(1, role);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                ended = rs.getInt(1);
            }
        }
        LOG.info("till role {} revoked, {} session(s) ended", role, ended);
        return ended;
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            p.setString(1, role);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
