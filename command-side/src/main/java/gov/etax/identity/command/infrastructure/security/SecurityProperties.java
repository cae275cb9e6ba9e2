package gov.etax.identity.command.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sessionSigningKey PKCS#8 RSA private key (PEM) that signs person session tokens; its
 *                          public half is published at /.well-known/jwks.json
 * @param staffIssuer       the {@code iss} of the bureau identity provider's staff tokens
 * @param staffPublicKey    X.509 RSA public key (PEM) of that provider
 */
@ConfigurationProperties("etax.security")
public record SecurityProperties(String sessionSigningKey, String staffIssuer, String staffPublicKey) {
}
