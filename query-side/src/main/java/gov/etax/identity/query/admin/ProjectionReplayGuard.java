package gov.etax.identity.query.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.infrastructure.web.ProjectionsRead;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While a projection is replayed in place (H2) its read model is partial: the endpoints that answer from it
 * say 503 {@code PROJECTION_REPLAYING} with {@code Retry-After} until it has caught up, rather than
 * answer wrongly. A rebuild beside the live tables (PostgreSQL, {@link ProjectionRebuild}) leaves the read
 * model whole, and nothing here refuses for it. It runs after the security filters, so 401 and 403 come first.
 *
 * <p>Which projections an endpoint reads it declares with {@link ReadsProjections}; the audit
 * endpoints' answers stay whole while "audit" is rebuilt (the index is used only up to its position,
 * the events above it are scanned; docs/architecture.md, "Audit"). Every request made with a person's session token also depends on
 * {@code ended-sessions}: while that deny list is rebuilt a logged-out token could pass the
 * check, so such requests wait as well.
 */
@Component
public class ProjectionReplayGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String ENDED_SESSIONS = "ended-sessions";
    static final String CODE = "PROJECTION_REPLAYING";
    private static final long DEFAULT_RETRY_SECONDS = 5;
    private static final long MAX_RETRY_SECONDS = 60;

    private final ProjectionMonitor monitor;
    private final ObjectMapper json;

    public ProjectionReplayGuard(ProjectionMonitor monitor, ObjectMapper json) {
        this.monitor = monitor;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Optional<String> replaying = projectionsRead(handler).stream().filter(monitor::isReplaying).findFirst();
        if (replaying.isEmpty()) {
            return true;
        }
        refuse(request, response, replaying.get());
        return false;
    }

    List<String> projectionsRead(Object handler) {
        List<String> read = new ArrayList<>(ProjectionsRead.of(handler).filter(reads -> !reads.wholeWhileReplaying())
                .map(ProjectionsRead::processingGroups).orElse(List.of()));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof Jwt token
                && SessionTokens.ISSUER.equals(token.getClaimAsString("iss"))) {
            read.add(ENDED_SESSIONS);
        }
        return read;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String projection)
            throws java.io.IOException {
        long retryAfter = retryAfterSeconds(projection);
        String message = "The projection " + projection + " is being rebuilt from the event store; "
                + "it answers again once it has caught up.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message);
        problem.setTitle("The read model is being rebuilt.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", CODE);
        problem.setProperty("message", message);
        problem.setProperty("message_zh", "数据正在重建，请稍后再试");
        problem.setProperty("projection", projection);
        problem.setProperty("retryAfterSeconds", retryAfter);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private long retryAfterSeconds(String projection) {
        try {
            Long left = monitor.status(projection).estimatedSecondsLeft();
            return left == null ? DEFAULT_RETRY_SECONDS : Math.max(1, Math.min(MAX_RETRY_SECONDS, left));
        } catch (RuntimeException e) {
            return DEFAULT_RETRY_SECONDS;
        }
    }
}
