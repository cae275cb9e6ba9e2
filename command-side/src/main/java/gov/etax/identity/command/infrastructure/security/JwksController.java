package gov.etax.identity.command.infrastructure.security;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key of session tokens, for the query side and any other service that accepts them. */
@RestController
public class JwksController {

    private final SessionTokenIssuer issuer;

    public JwksController(SessionTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
