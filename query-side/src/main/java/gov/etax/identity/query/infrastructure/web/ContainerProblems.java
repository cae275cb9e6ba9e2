package gov.etax.identity.query.infrastructure.web;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.ProblemJson;
import gov.etax.identity.kernel.refusal.Reason;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors raised before Spring MVC can answer, as the same problem+json every other error is:
 * Tomcat's own error report (a {@code %2F} or NUL in the path, a broken request line), requests
 * the security firewall rejects (TRACE, PROPFIND, {@code ;} in the path), and a {@code Content-Type}
 * no converter can be chosen for ({@code *}{@code /*}).
 */
@Configuration
public class ContainerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) -> write(response, CommonReason.MALFORMED_REQUEST, request.getRequestURI());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter bodyMediaTypeCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (concreteOrAbsent(request.getContentType())) {
                    chain.doFilter(request, response);
                } else {
                    write(response, CommonReason.UNSUPPORTED_MEDIA_TYPE, request.getRequestURI());
                }
            }
        };
    }

    /** A body's media type must name one type: wildcards and unparseable values choose no converter. */
    static boolean concreteOrAbsent(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static void write(HttpServletResponse response, Reason reason, String instance) throws IOException {
        response.setStatus(reason.kind().httpStatus());
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(reason, instance));
    }

    /** Tomcat's error report, answering problem+json instead of an HTML page. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(ProblemJson.MEDIA_TYPE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemJson.of(CommonReason.forStatus(status), null));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is already on its way: nothing left to answer
            }
        }
    }
}
