package gov.etax.identity.command.infrastructure.config;

import static gov.etax.identity.kernel.refusal.Kind.SERVICE_UNAVAILABLE;

import gov.etax.identity.kernel.refusal.Reason;

/** Every CPU that may hash a password is busy, and stays busy longer than a caller should wait. */
public enum PasswordHashingReason implements Reason {
    HASHING_BUSY("Too many passwords are being checked right now; nothing was changed. Try again shortly.",
            "系统繁忙，请稍后再试");

    private final Text text;

    PasswordHashingReason(String message, String messageZh) {
        this.text = new Text(SERVICE_UNAVAILABLE, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
