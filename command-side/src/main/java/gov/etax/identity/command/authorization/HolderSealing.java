package gov.etax.identity.command.authorization;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Seals a holder for the command that names them: the document (and a reported person's name)
 * under the new authorization's own data key, its lookup hash, and who registered with it. Done by
 * the slice's service before sending, so the aggregate never touches the vault (docs/adr/0018).
 */
@Service
public class HolderSealing {

    private final PersonalDataVault vault;
    private final LookupHash lookupHash;
    private final AuthorizationFacts facts;

    public HolderSealing(PersonalDataVault vault, LookupHash lookupHash, AuthorizationFacts facts) {
        this.vault = vault;
        this.lookupHash = lookupHash;
        this.facts = facts;
    }

    /** Tax staff and tax agents: named by document only. */
    public SealedHolder seal(AuthorizationId authorization, DocumentNumber document) {
        return seal(authorization, document, null);
    }

    /** A legal representative or finance manager, named by the tax authority's data. */
    public SealedHolder seal(AuthorizationId authorization, DocumentNumber document, PersonName name) {
        PersonalDataVault.Sealer sealer = vault.sealerFor(authorization.value());
        String hash = lookupHash.of(document);
        return new SealedHolder(document.type(), sealer.seal(document.value()),
                name == null ? null : sealer.seal(name.value()), hash, facts.personWithDocument(hash).orElse(null));
    }

    /** The lookup hash of a document, for the questions asked before anything is sealed. */
    public String hashOf(DocumentNumber document) {
        return lookupHash.of(document);
    }

    public Optional<PersonId> registeredWith(DocumentNumber document) {
        return facts.personWithDocument(lookupHash.of(document));
    }
}
