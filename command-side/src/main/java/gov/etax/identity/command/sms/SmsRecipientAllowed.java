package gov.etax.identity.command.sms;

import gov.etax.identity.kernel.person.MobilePhone;

/**
 * LOGIN-2: one phone, one person. Login and password-reset codes go only to a bound phone; a
 * binding or registration code only to a phone nobody holds, so the code cannot take a phone from its owner.
 */
public final class SmsRecipientAllowed {

    private SmsRecipientAllowed() {
    }

    public static void check(MobilePhone phone, SmsPurpose purpose, SmsRecipients recipients) {
        check(phone, purpose, recipients, false);
    }

    /**
     * @param recovery a PHONE_BINDING code for 【找回手机号码】 before login (LOGIN-3): it may go to a bound
     *                 number, which the person holding it now takes back with the code and their face scan
     */
    public static void check(MobilePhone phone, SmsPurpose purpose, SmsRecipients recipients, boolean recovery) {
        if (recovery && purpose == SmsPurpose.PHONE_BINDING) {
            return;
        }
        boolean bound = recipients.isBound(phone);
        switch (purpose) {
            case LOGIN, PASSWORD_RESET -> {
                if (!bound) {
                    throw SmsReason.PHONE_NOT_BOUND.refusal();
                }
            }
            case PHONE_BINDING, REGISTRATION -> {
                if (bound) {
                    throw SmsReason.PHONE_ALREADY_BOUND.refusal();
                }
            }
        }
    }
}
