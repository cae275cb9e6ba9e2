package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.refusal.CommonReason;
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

    /**
     * Spring's and the container's own errors (unknown route, wrong method, unreadable body) get the
     * stable code and both languages of the common reason for their status.
     */
    public static void describe(ProblemDetail problem) {
        CommonReason reason = CommonReason.forStatus(problem.getStatus());
        String detail = problem.getDetail() == null ? reason.message() : problem.getDetail();
        problem.setTitle(reason.message());
        problem.setProperty("code", reason.code());
        problem.setProperty("message", detail);
        problem.setProperty("message_zh", reason.messageZh());
    }
}
