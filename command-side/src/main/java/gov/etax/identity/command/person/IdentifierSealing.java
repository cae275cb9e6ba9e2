package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.privacy.EncryptedText;
import org.springframework.stereotype.Service;

/**
 * Seals a person's data for the command that carries it, under the person's data key, with the
 * lookup hashes the aggregate decides on. Done by the slice's service before sending, so the
 * aggregate never touches the vault (docs/adr/0039).
 */
@Service
public class IdentifierSealing {

    private final PersonalDataVault vault;
    private final LookupHash lookupHash;

    public IdentifierSealing(PersonalDataVault vault, LookupHash lookupHash) {
        this.vault = vault;
        this.lookupHash = lookupHash;
    }

    public Sealed forPerson(PersonId person) {
        return new Sealed(vault.sealerFor(person));
    }

    /** For a person id just generated, which has no key yet: the key is made without looking first. */
    public Sealed forNewPerson(PersonId person) {
        return new Sealed(vault.sealerForNew(person.value()));
    }

    public String hashOf(DocumentNumber document) {
        return lookupHash.of(document);
    }

    public String hashOf(MobilePhone phone) {
        return lookupHash.of(phone);
    }

    /** Null for no username. */
    public String hashOf(Username username) {
        return username == null ? null : lookupHash.of(username);
    }

    /** Seals under one person's key (created on first use). */
    public final class Sealed {

        private final PersonalDataVault.Sealer sealer;

        private Sealed(PersonalDataVault.Sealer sealer) {
            this.sealer = sealer;
        }

        public SealedIdentifier document(DocumentNumber document) {
            return new SealedIdentifier(sealer.seal(document.value()), hashOf(document));
        }

        public SealedIdentifier phone(MobilePhone phone) {
            return new SealedIdentifier(sealer.seal(phone.value()), hashOf(phone));
        }

        /** Null for no username. */
        public SealedIdentifier username(Username username) {
            return username == null ? null : new SealedIdentifier(sealer.seal(username.value()), hashOf(username));
        }

        public EncryptedText name(PersonName name) {
            return sealer.seal(name.value());
        }
    }
}
