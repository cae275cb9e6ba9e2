package gov.etax.identity.command.privacy;

import gov.etax.identity.kernel.privacy.AesGcm;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey Base64 of 32 bytes; wraps every person's data key
 * @param lookupKey Base64 of 32 bytes; keys the HMAC of document numbers and phones in lookup tables
 */
@ConfigurationProperties("etax.privacy")
public record PrivacyProperties(String masterKey, String lookupKey) {

    public SecretKey masterSecretKey() {
        return AesGcm.keyFromBase64(masterKey, "etax.privacy.master-key");
    }

    public SecretKey lookupSecretKey() {
        return AesGcm.keyFromBase64(lookupKey, "etax.privacy.lookup-key");
    }
}
