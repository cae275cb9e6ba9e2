package gov.etax.identity.command.authorization;

import gov.etax.identity.command.authorization.Relationships.ActiveRelationship;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The look-up tables of authorizations, kept from their events in the transaction of the command
 * that applied them (a subscribing processing group, docs/adr/0018): {@code authorization_claim},
 * unique (uscc, role, holder hash) while pending or active, so a lost race fails the whole unit of
 * work; and {@code enterprise_relationship}, the relationships in force. The holder's document is
 * opened here, under the authorization's key, only to hash it.
 */
@Component
@ProcessingGroup(JdbcAuthorizationLookUps.GROUP)
public class JdbcAuthorizationLookUps {

    public static final String GROUP = "authorization-look-ups";

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final PersonalDataVault vault;
    private final EventStore eventStore;
    private final Clock clock;

    public JdbcAuthorizationLookUps(JdbcTemplate jdbc, LookupHash lookupHash, PersonalDataVault vault,
                                    EventStore eventStore, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.vault = vault;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @EventHandler
    void on(LegalRepresentativeBound event) {
        String holder = holderHash(event.authorizationId(), event.holderDocumentType(), event.holderDocumentNumber());
        claim(event.authorizationId(), event.uscc(), RelationshipRole.LEGAL_REPRESENTATIVE, holder, null);
        bind(relationshipOf(event), holder);
    }

    @EventHandler
    void on(FinanceManagerReported event) {
        claim(event.authorizationId(), event.uscc(), RelationshipRole.FINANCE_MANAGER,
                holderHash(event.authorizationId(), event.holderDocumentType(), event.holderDocumentNumber()), null);
    }

    @EventHandler
    void on(StaffNominated event) {
        claim(event.authorizationId(), event.uscc(), event.role(),
                holderHash(event.authorizationId(), event.holderDocumentType(), event.holderDocumentNumber()),
                Validity.endOf(event.validUntil()));
    }

    @EventHandler
    void on(TaxAgencyRequested event) {
        claim(event.authorizationId(), event.clientUscc(), RelationshipRole.TAX_AGENT,
                holderHash(event.authorizationId(), event.holderDocumentType(), event.holderDocumentNumber()),
                Validity.endOf(event.validUntil()));
    }

    /** What the relationship grants is in the authorization's first event; the confirmation only puts it in force. */
    @EventHandler
    void on(AuthorizationConfirmed event) {
        Object first = eventStore.readEvents(event.authorizationId().value(), 0).next().getPayload();
        if (first instanceof StaffNominated nominated) {
            bind(relationshipOf(nominated), holderHash(nominated.authorizationId(), nominated.holderDocumentType(),
                    nominated.holderDocumentNumber()));
        } else if (first instanceof TaxAgencyRequested requested) {
            bind(relationshipOf(requested), holderHash(requested.authorizationId(), requested.holderDocumentType(),
                    requested.holderDocumentNumber()));
        } else if (first instanceof FinanceManagerReported reported) {
            bind(relationshipOf(reported), holderHash(reported.authorizationId(), reported.holderDocumentType(),
                    reported.holderDocumentNumber()));
        } else {
            throw new IllegalStateException(event.authorizationId() + " starts with " + first.getClass().getSimpleName());
        }
    }

    @EventHandler
    void on(AuthorizationRejected event) {
        release(event.authorizationId());
    }

    @EventHandler
    void on(AuthorizationWithdrawn event) {
        release(event.authorizationId());
    }

    @EventHandler
    void on(RelationshipRevoked event) {
        unbind(event.authorizationId());
        release(event.authorizationId());
    }

    @EventHandler
    void on(AuthorizationExpired event) {
        unbind(event.authorizationId());
        release(event.authorizationId());
    }

    /** Puts a relationship in force for the holder of the document (also how tests set one up directly). */
    public void bind(ActiveRelationship relationship, DocumentNumber holder) {
        bind(relationship, lookupHash.of(holder));
    }

    private void bind(ActiveRelationship relationship, String holderHash) {
        unbind(relationship.authorizationId());
        jdbc.update("INSERT INTO enterprise_relationship (authorization_id, enterprise_id, uscc, holder_document_hash, "
                        + "role, tax_officer_identity, scopes, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                relationship.authorizationId().value(), relationship.enterpriseId().value(), relationship.uscc().value(),
                holderHash, relationship.role().name(), relationship.taxOfficerIdentity(),
                String.join(",", relationship.scopes()), timestamp(relationship.validUntil()));
    }

    private void unbind(AuthorizationId authorizationId) {
        jdbc.update("DELETE FROM enterprise_relationship WHERE authorization_id = ?", authorizationId.value());
    }

    private void claim(AuthorizationId authorizationId, Uscc uscc, RelationshipRole role, String holderHash,
                       Instant validUntil) {
        try {
            jdbc.update("INSERT INTO authorization_claim (authorization_id, uscc, role, holder_document_hash, "
                            + "valid_until, claimed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    authorizationId.value(), uscc.value(), role.name(), holderHash, timestamp(validUntil),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw AuthorizationReason.ALREADY_AUTHORIZED.refusal();
        }
    }

    private void release(AuthorizationId authorizationId) {
        jdbc.update("DELETE FROM authorization_claim WHERE authorization_id = ?", authorizationId.value());
    }

    private String holderHash(AuthorizationId id, DocumentType type, EncryptedText number) {
        String plain = vault.openerFor(id.value())
                .orElseThrow(() -> new IllegalStateException("the data key of " + id + " was deleted"))
                .open(number);
        return lookupHash.of(new DocumentNumber(type, plain));
    }

    private static ActiveRelationship relationshipOf(LegalRepresentativeBound e) {
        return new ActiveRelationship(e.authorizationId(), e.enterpriseId(), e.uscc(),
                RelationshipRole.LEGAL_REPRESENTATIVE, null, Set.of(), null);
    }

    private static ActiveRelationship relationshipOf(FinanceManagerReported e) {
        return new ActiveRelationship(e.authorizationId(), e.enterpriseId(), e.uscc(), RelationshipRole.FINANCE_MANAGER,
                null, Set.of(), null);
    }

    private static ActiveRelationship relationshipOf(StaffNominated e) {
        return new ActiveRelationship(e.authorizationId(), e.enterpriseId(), e.uscc(), e.role(),
                e.taxOfficerIdentity() == null ? null : e.taxOfficerIdentity().name(), names(e.scopes()),
                Validity.endOf(e.validUntil()));
    }

    private static ActiveRelationship relationshipOf(TaxAgencyRequested e) {
        return new ActiveRelationship(e.authorizationId(), e.clientEnterpriseId(), e.clientUscc(),
                RelationshipRole.TAX_AGENT, null, names(e.scopes()), Validity.endOf(e.validUntil()));
    }

    private static Set<String> names(Set<? extends Enum<?>> scopes) {
        Set<String> names = new TreeSet<>();
        scopes.forEach(set -> names.add(set.name()));
        return names;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
