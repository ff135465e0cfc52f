package org.sweetshop.sale;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The ids tills give their sales when a basket starts: time-ordered UUIDs (version 7: 48 bits of
 * milliseconds, then 74 random bits). Sales made close together sit close together in the
 * database's indexes instead of landing on a random page each, which keeps a busy store's index
 * writes (and write-ahead log) small. Any UUID is accepted at checkout.
 */
public final class SaleIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SaleIds() {
    }

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    static UUID next(Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
