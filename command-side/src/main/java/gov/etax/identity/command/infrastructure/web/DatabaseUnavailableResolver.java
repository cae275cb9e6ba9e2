package gov.etax.identity.command.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.kernel.persistence.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} when the database is away or too slow,
 * however Axon or Spring wrapped the cause ({@link DatabaseOutage}). Consulted before the exception
 * handlers; every other failure passes on to them.
 */
@Configuration
public class DatabaseUnavailableResolver implements WebMvcConfigurer, HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    private final ObjectMapper json;

    public DatabaseUnavailableResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this);
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!DatabaseOutage.explains(failure) || response.isCommitted()) {
            return null;
        }
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
        problem.setTitle(DatabaseOutage.MESSAGE);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", DatabaseOutage.CODE);
        problem.setProperty("message", DatabaseOutage.MESSAGE);
        problem.setProperty("message_zh", DatabaseOutage.MESSAGE_ZH);
        try {
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            log.debug("Could not answer 503", e);
        }
        return new ModelAndView();
    }
}
