package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.security.SessionTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** PWD-2, PWD-4: a session with an initial password may set a new one or log out, nothing else. */
public class PasswordChangeGate extends OncePerRequestFilter {

    private final SecurityProblems problems;

    public PasswordChangeGate(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token
                && Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(SessionTokens.PASSWORD_CHANGE_REQUIRED))
                && !allowedWhileChangeRequired(request)) {
            // Only a scan login of a person without a password is flagged without one to change (PWD-4).
            boolean passwordNotSet = AuthenticationMethod.SCAN.name()
                    .equals(token.getToken().getClaimAsString(SessionTokens.METHOD));
            problems.write(request, response, (passwordNotSet ? PasswordGateReason.PASSWORD_NOT_SET
                    : PasswordGateReason.PASSWORD_CHANGE_REQUIRED).refusal());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhileChangeRequired(HttpServletRequest request) {
        String path = request.getRequestURI();
        return ("POST".equals(request.getMethod()) && "/api/me/password".equals(path))
                || ("DELETE".equals(request.getMethod()) && "/api/sessions/current".equals(path));
    }
}
