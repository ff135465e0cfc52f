package org.sweetshop.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through password4j (pure Java, no natives to ship per platform), with the OWASP
 * minimum of 19 MiB memory, 2 iterations, 1 lane. The parameters travel inside each stored hash,
 * so they can be raised later without breaking old accounts.
 */
public final class PasswordHasher {

    private final Argon2Function function;

    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    /** For tests that register many accounts: cheaper parameters, same algorithm. */
    public PasswordHasher(int memoryKiB, int iterations) {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    public boolean matches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException e) {
            return false; // a damaged hash never lets anyone in
        }
    }
}
