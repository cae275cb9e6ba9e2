package gov.etax.identity.command.privacy;

import gov.etax.identity.command.privacy.PrivacyProperties;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.Username;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) for lookup tables: equal values find each other, but a stolen table
 * cannot be reversed by hashing every possible phone number without the key.
 */
@Component
public class LookupHash {

    private final SecretKey key;

    public LookupHash(PrivacyProperties properties) {
        this.key = properties.lookupSecretKey();
    }

    public String of(DocumentNumber document) {
        return hash("document:" + document.type().name() + ":" + document.value());
    }

    public String of(MobilePhone phone) {
        return hash("phone:" + phone.value());
    }

    /** Of the name in the register's form ({@link PersonName#normalised}), so look-alike dots match. */
    public String of(PersonName name) {
        return hash("name:" + name.value());
    }

    public String of(Username username) {
        return hash("username:" + username.value());
    }

    /** A keyed hash for any other secret-ish value, separated by its domain (e.g. "sms-code"). */
    public String of(String domain, String value) {
        return hash(domain + ":" + value);
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
