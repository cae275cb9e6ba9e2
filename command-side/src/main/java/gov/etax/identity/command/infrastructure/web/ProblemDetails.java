package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 bodies with the fields every client relies on: code, message, message_zh, rule. */
public final class ProblemDetails {

    private ProblemDetails() {
    }

    public static ProblemDetail of(Refusal refusal) {
        Reason reason = refusal.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(reason.kind().httpStatus()), refusal.detail());
        problem.setTitle(reason.message());
        problem.setProperty("code", reason.code());
        problem.setProperty("message", refusal.detail());
        if (reason.messageZh() != null) {
            problem.setProperty("message_zh", reason.messageZh());
        }
        if (reason.rule() != null) {
            problem.setProperty("rule", reason.rule());
        }
        refusal.details().forEach(problem::setProperty);
        return problem;
    }

    /** Spring's own errors (unknown route, wrong method, unreadable body) get a stable code too. */
    public static void addCode(ProblemDetail problem, String code) {
        problem.setProperty("code", code);
        problem.setProperty("message", problem.getDetail());
    }
}
