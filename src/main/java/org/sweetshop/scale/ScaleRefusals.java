package org.sweetshop.scale;

import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;

/** The cashier's words for each way a scale gives no weight, in one place for both protocols. */
final class ScaleRefusals {

    private ScaleRefusals() {
    }

    static ScaleRefusedException motion() {
        return new ScaleRefusedException(Reason.MOTION, "the scale is still moving: wait until the weight is steady and try again");
    }

    static ScaleRefusedException overload() {
        return new ScaleRefusedException(Reason.OVERLOAD, "the scale is overloaded: take some weight off and try again");
    }

    static ScaleRefusedException negative() {
        return new ScaleRefusedException(Reason.NEGATIVE, "the scale shows less than zero: empty it, zero it and try again");
    }

    static ScaleRefusedException zero() {
        return new ScaleRefusedException(Reason.ZERO, "the scale shows zero: put the sweets on the scale and try again");
    }

    static ScaleRefusedException notZeroed() {
        return new ScaleRefusedException(Reason.NOT_ZEROED, "the scale is not zeroed: empty it, zero it and try again");
    }

    static ScaleRefusedException units(String unit) {
        return new ScaleRefusedException(Reason.UNITS, "the scale weighs in " + unit + ": set it to kilograms or grams");
    }

    static ScaleRefusedException tareNotTaken(String why) {
        return new ScaleRefusedException(Reason.TARE_NOT_TAKEN, "the scale did not take the tare: " + why);
    }

    static ScaleRefusedException notAnswering() {
        return new ScaleRefusedException(Reason.NOT_ANSWERING, "the scale stopped answering: check its cable");
    }

    static ScaleRefusedException unreadable() {
        return new ScaleRefusedException(Reason.UNREADABLE,
                "the scale's answer could not be read: check its protocol, speed, data bits and parity settings");
    }

    static ScaleRefusedException cannotOpen(String port, String why) {
        return new ScaleRefusedException(Reason.CANNOT_OPEN, "the scale cannot be opened on " + port + " (" + why
                + "): check its cable, the scale.port setting and that this user may use serial ports (group dialout)");
    }
}
