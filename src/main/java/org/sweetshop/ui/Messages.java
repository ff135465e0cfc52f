package org.sweetshop.ui;

/** The till's way of showing a refusal's message: as a sentence. */
public final class Messages {

    private Messages() {
    }

    /** "coupon already redeemed at T2" → "Coupon already redeemed at T2." */
    public static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
