package gov.etax.identity.query.infrastructure.web;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The query side's problem+json: the same fields as the command side's (code, message, message_zh, rule). */
@RestControllerAdvice
public class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        Reason reason = refusal.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(reason.kind().httpStatus()),
                refusal.detail());
        problem.setTitle(reason.message());
        problem.setProperty("code", reason.code());
        problem.setProperty("message", refusal.detail());
        problem.setProperty("message_zh", reason.messageZh());
        problem.setProperty("rule", reason.rule());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("code", statusCode.value() == 404 ? CommonReason.NOT_FOUND_ROUTE.code()
                    : HttpStatus.valueOf(statusCode.value()).name());
            problem.setProperty("message", problem.getDetail());
        }
        return response;
    }
}
