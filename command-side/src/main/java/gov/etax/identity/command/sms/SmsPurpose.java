package gov.etax.identity.command.sms;

import java.util.Locale;

/** What an SMS code is for. A code verifies only the purpose it was sent for. */
public enum SmsPurpose {
    LOGIN("登录"),
    PASSWORD_RESET("找回密码"),
    PHONE_BINDING("绑定手机号码"),
    /** Proves at registration that the phone to be bound is the registering person's (LOGIN-2). */
    REGISTRATION("注册");

    private final String wordingZh;

    SmsPurpose(String wordingZh) {
        this.wordingZh = wordingZh;
    }

    /** Named in the text message, so a person who did not ask for this operation notices. */
    public String wordingZh() {
        return wordingZh;
    }

    public static SmsPurpose parse(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw SmsReason.INVALID_SMS_PURPOSE.refusal("The purpose is missing; it is LOGIN, PASSWORD_RESET, PHONE_BINDING or REGISTRATION.");
        }
        try {
            return valueOf(purpose.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SmsReason.INVALID_SMS_PURPOSE.refusal();
        }
    }
}
