package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A successful login is the one moment the plain password is at hand: a hash written with weaker
 * parameters than today's is written again then. Only the credential table changes; the password
 * is the same, so the history records nothing (and an event must never hold a hash).
 */
@Service
public class PasswordUpgrade {

    private static final Logger log = LoggerFactory.getLogger(PasswordUpgrade.class);

    private final PasswordEncoder passwordEncoder;
    private final CredentialStore credentials;

    public PasswordUpgrade(PasswordEncoder passwordEncoder, CredentialStore credentials) {
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
    }

    /** @param verified the hash the password was just checked against */
    public void ifWeak(PersonId person, CharSequence password, PasswordHash verified) {
        if (!passwordEncoder.upgradeEncoding(verified.encoded())) {
            return;
        }
        try {
            PasswordHash stronger = new PasswordHash(passwordEncoder.encode(password));
            if (credentials.upgrade(person, verified, stronger)) {
                log.info("Password hash of {} written again with today's parameters", person.value());
            }
        } catch (Refusal busy) {
            // The login itself succeeded; the next one upgrades when the hashing CPUs are free.
            log.debug("Password hash of {} not upgraded now: {}", person.value(), busy.reason().code());
        }
    }
}
