package gov.etax.identity.command.verification;

import gov.etax.identity.kernel.person.MobilePhone;

/** The operator's SMS gateway. Callers must not log the text: it may carry a verification code. */
public interface SmsGateway {

    void send(MobilePhone phone, String text);
}
