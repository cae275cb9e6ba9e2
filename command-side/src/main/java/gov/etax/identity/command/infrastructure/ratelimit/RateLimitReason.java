package gov.etax.identity.command.infrastructure.ratelimit;

import static gov.etax.identity.kernel.refusal.Kind.TOO_MANY_REQUESTS;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals by the per-client limits; each carries {@code retryAt} (and so a Retry-After header). */
public enum RateLimitReason implements Reason {
    SMS_LIMIT_PER_ADDRESS(TOO_MANY_REQUESTS, "REG-7",
            "Too many SMS codes were asked for from this network address; try again at retryAt.",
            "短信验证码获取频繁，请稍后重试"),
    SMS_LIMIT_PER_SESSION(TOO_MANY_REQUESTS, "REG-7",
            "Too many SMS codes were asked for in this session; try again at retryAt.",
            "短信验证码获取频繁，请稍后重试"),
    TOO_MANY_FAILED_ATTEMPTS(TOO_MANY_REQUESTS, "PWD-5",
            "Too many refused sign-in attempts came from this network address; try again at retryAt.",
            "操作过于频繁，请稍后重试");

    private final Text text;

    RateLimitReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
