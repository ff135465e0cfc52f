package org.sweetshop.coupon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/**
 * Coupon tokens: {@code SWC-} and 32 Crockford base-32 characters, i.e. 160 random bits, printed
 * as QR codes and typed by scanner guns. Only a SHA-256 of the token is stored: with 160 random
 * bits a slow hash adds nothing, and a leaked database cannot be redeemed.
 */
public final class CouponTokens {

    public static final String PREFIX = "SWC-";
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 32;
    public static final Pattern SHAPE = Pattern.compile("SWC-[0-9A-HJKMNP-TV-Z]{32}");
    /** The shape in either case; Java's CASE_INSENSITIVE is ASCII-only, so 'ſ' or 'ﬁ' never pass. */
    private static final Pattern ANY_CASE = Pattern.compile("SWC-[0-9A-HJKMNP-TV-Z]{32}", Pattern.CASE_INSENSITIVE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponTokens() {
    }

    static String generate() {
        byte[] bytes = new byte[LENGTH * 5 / 8];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(PREFIX);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return sb.toString();
    }

    /** True when {@code text} has a coupon token's shape (after trimming, any case). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() <= 64 && ANY_CASE.matcher(text.strip()).matches();
    }

    /** The canonical token, or a refusal saying it is not a coupon code. */
    public static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("coupon", "coupon code is missing");
        }
        if (!looksLikeToken(text)) {
            throw new InvalidInputException("coupon", "not a coupon code: '" + Texts.shorten(text.strip()) + "'");
        }
        return text.strip().toUpperCase(Locale.ROOT);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The last four characters: printed under the QR and shown on receipts, never enough to redeem. */
    static String hint(String token) {
        return token.substring(token.length() - 4);
    }
}
