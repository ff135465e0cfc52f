package org.sweetshop.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.InvalidInputException;

class CouponTokensTest {

    @Test
    void tokensCarryAHundredSixtyRandomBitsInCrockfordBase32() {
        String token = CouponTokens.generate();

        // 32 characters of 5 bits each: 160 bits, more than the 128 the design asks for
        assertThat(token).matches("SWC-[0-9A-HJKMNP-TV-Z]{32}");
    }

    @Test
    void tenThousandTokensAreAllDifferentAndAllUseTheWholeAlphabet() {
        Set<String> tokens = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = CouponTokens.generate();
            tokens.add(token);
            token.substring(4).chars().forEach(c -> seen.add((char) c));
        }

        assertThat(tokens).hasSize(10_000);
        assertThat(seen).hasSize(32);
    }

    @Test
    void normalizeAcceptsAnyCaseAndSurroundingSpace() {
        String token = CouponTokens.generate();

        assertThat(CouponTokens.normalize("  " + token.toLowerCase(Locale.ROOT) + "\n")).isEqualTo(token);
    }

    @Test
    void theStoredHashIsSha256OfTheTokenAndTheHintIsItsTail() {
        String token = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

        assertThat(CouponTokens.hash(token)).hasSize(64).isEqualTo(CouponTokens.hash(token)).isNotEqualTo(CouponTokens.hash(token + "Y"));
        assertThat(CouponTokens.hint(token)).isEqualTo("TVWX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SWC-", "SWC-0123456789ABCDEFGHJKMNPQRSTVW", "SWC-0123456789ABCDEFGHJKMNPQRSTVWXY",
            "SWC-0123456789ABCDEFGHIJKLMNOPQRST", "XYZ-0123456789ABCDEFGHJKMNPQRSTVWX", "' or '1'='1", "WELCOME10"})
    void anythingElseIsNotACouponCode(String text) {
        assertThat(CouponTokens.looksLikeToken(text)).isFalse();
        assertThatThrownBy(() -> CouponTokens.normalize(text)).isInstanceOf(InvalidInputException.class);
    }
}
