package org.sahaya.core.config;

/** A configuration value that cannot be used; the message names the setting. */
public final class ConfigException extends RuntimeException {

    private final String setting;

    public ConfigException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
