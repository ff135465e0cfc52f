package org.sweetshop.config;

/** A setting that cannot be used as given; the message names the setting. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
