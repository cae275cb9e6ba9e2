package gov.etax.identity.command.verification;

import static gov.etax.identity.kernel.refusal.Kind.SERVICE_UNAVAILABLE;

import gov.etax.identity.kernel.refusal.Reason;

/** An outside service did not answer in time, answered with an error, or its circuit breaker is open. */
public enum OutsideServiceReason implements Reason {
    FACE_VERIFICATION_UNAVAILABLE("The face verification service is unavailable; nothing was changed. Try again later.",
            "人脸识别服务暂不可用，请稍后再试"),
    SMS_GATEWAY_UNAVAILABLE("The SMS service is unavailable; no code was sent. Try again later.",
            "短信服务暂不可用，请稍后再试"),
    IDENTITY_REGISTER_UNAVAILABLE("The identity register cannot be reached; nothing was changed. Try again later.",
            "身份信息核验服务暂不可用，请稍后再试");

    private final Text text;

    OutsideServiceReason(String message, String messageZh) {
        this.text = new Text(SERVICE_UNAVAILABLE, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
