package gov.etax.identity.command.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import gov.etax.identity.command.infrastructure.security.SecurityProperties;
import gov.etax.identity.kernel.security.RsaKeys;
import java.security.interfaces.RSAPrivateCrtKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Person session tokens the command side would never issue, signed with its own key (the dev key in
 * tests): what an attacker holding a token, or the key, could present. The signature is always good,
 * so a refusal comes from the checks of the session itself.
 */
public final class SessionTokenForgery {

    private SessionTokenForgery() {
    }

    /** The claims of a real token, changed, signed again. */
    public static String altered(CommandSideNode node, String token, Consumer<Map<String, Object>> change) {
        try {
            Map<String, Object> claims = new HashMap<>(JWTParser.parse(token).getJWTClaimsSet().toJSONObject());
            change.accept(claims);
            return signed(node, claims);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** These claims (times in epoch seconds), signed with the node's session key. */
    public static String signed(CommandSideNode node, Map<String, Object> claims) {
        RSAPrivateCrtKey key = RsaKeys.privateKey(node.bean(SecurityProperties.class).sessionSigningKey(), "session key");
        try {
            RSAKey jwk = new RSAKey.Builder(RsaKeys.publicKeyOf(key)).privateKey(key).keyIDFromThumbprint().build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(jwk.getKeyID()).build(),
                    JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(jwk));
            return jwt.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
