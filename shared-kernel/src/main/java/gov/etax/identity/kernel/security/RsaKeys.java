package gov.etax.identity.kernel.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from configuration: PEM text or its Base64 body (PKCS#8 private, X.509 public). */
public final class RsaKeys {

    private RsaKeys() {
    }

    public static RSAPrivateCrtKey privateKey(String pem, String what) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, what)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(what + " is not a PKCS#8 RSA private key", e);
        }
    }

    public static RSAPublicKey publicKey(String pem, String what) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, what)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(what + " is not an X.509 RSA public key", e);
        }
    }

    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    private static byte[] der(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(what + " is not configured");
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
