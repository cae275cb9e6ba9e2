package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code identity_claim}: one row per claimed value, primary key (kind, hash), kept from the
 * person events in the transaction of the command that applied them (a subscribing processor,
 * docs/adr/0039). The aggregate decided on the hashes before applying; a concurrent claim of the
 * same value on any node waits for the first transaction and then fails on the key, which fails
 * its whole unit of work (the command gateway runs it again on the new state). Events carry no
 * lookup hash (docs/adr/0024): the sealed values are opened here, under the person's key, only to
 * be hashed.
 */
@Component
public class JdbcIdentityClaims implements IdentityClaims {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final PersonalDataVault vault;
    private final Clock clock;

    public JdbcIdentityClaims(JdbcTemplate jdbc, LookupHash lookupHash, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public Set<Kind> taken(String documentHash, String phoneHash, String usernameHash) {
        Set<Kind> taken = EnumSet.noneOf(Kind.class);
        jdbc.queryForList("SELECT claim_kind FROM identity_claim "
                        + "WHERE (claim_kind = ? AND claim_hash = ?) OR (claim_kind = ? AND claim_hash = ?) "
                        + "OR (claim_kind = ? AND claim_hash = ?)", String.class,
                Kind.DOCUMENT.name(), documentHash, Kind.PHONE.name(), phoneHash, Kind.USERNAME.name(), usernameHash)
                .forEach(kind -> taken.add(Kind.valueOf(kind)));
        return taken;
    }

    @Override
    public Optional<PersonId> documentHolder(String documentHash) {
        return holder(Kind.DOCUMENT, documentHash);
    }

    @Override
    public Optional<PersonId> phoneHolder(String phoneHash) {
        return holder(Kind.PHONE, phoneHash);
    }

    @Override
    public Optional<PersonId> usernameHolder(String usernameHash) {
        return holder(Kind.USERNAME, usernameHash);
    }

    @EventHandler
    void on(NaturalPersonRegistered event) {
        PersonalDataVault.Opener opener = openerFor(event.personId());
        List<Claim> claimed = new ArrayList<>();
        claimed.add(new Claim(Kind.DOCUMENT, documentHash(event.documentType(), opener.open(event.documentNumber()))));
        claimed.add(new Claim(Kind.PHONE, phoneHash(opener.open(event.phone()))));
        if (event.username() != null) {
            claimed.add(new Claim(Kind.USERNAME, lookupHash.of(new Username(opener.open(event.username())))));
        }
        insert(claimed, event.personId());
    }

    /** Only the phones the aggregate found free were bound; the shared ones never enter the event. */
    @EventHandler
    void on(NaturalPersonMigrated event) {
        PersonalDataVault.Opener opener = openerFor(event.personId());
        List<Claim> claimed = new ArrayList<>();
        claimed.add(new Claim(Kind.DOCUMENT, documentHash(event.documentType(), opener.open(event.documentNumber()))));
        for (EncryptedText phone : event.phones()) {
            claimed.add(new Claim(Kind.PHONE, phoneHash(opener.open(phone))));
        }
        insert(claimed, event.personId());
    }

    @EventHandler
    void on(PhoneBound event) {
        claimPhone(event.personId(), openerFor(event.personId()).open(event.phone()));
    }

    @EventHandler
    void on(PhoneUnbound event) {
        jdbc.update("DELETE FROM identity_claim WHERE claim_kind = ? AND claim_hash = ? AND person_id = ?",
                Kind.PHONE.name(), phoneHash(openerFor(event.personId()).open(event.phone())),
                event.personId().value());
    }

    /** The new username is claimed and the previous one released. */
    @EventHandler
    void on(UsernameChanged event) {
        String hash = lookupHash.of(new Username(openerFor(event.personId()).open(event.username())));
        insert(Kind.USERNAME, hash, event.personId());
        jdbc.update("DELETE FROM identity_claim WHERE claim_kind = ? AND person_id = ? AND claim_hash <> ?",
                Kind.USERNAME.name(), event.personId().value(), hash);
    }

    private String documentHash(DocumentType type, String number) {
        return lookupHash.of(new DocumentNumber(type, number));
    }

    private record Claim(Kind kind, String hash) {
    }

    private void claimPhone(PersonId person, String phone) {
        insert(Kind.PHONE, phoneHash(phone), person);
    }

    private String phoneHash(String phone) {
        return lookupHash.of(new MobilePhone(phone));
    }

    private void insert(Kind kind, String hash, PersonId person) {
        insert(List.of(new Claim(kind, hash)), person);
    }

    /** All of an event's claims in one statement: a person's registration is one round trip, not three. */
    private void insert(List<Claim> claims, PersonId person) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> values = new ArrayList<>();
        claims.forEach(claim -> values.addAll(List.of(claim.kind().name(), claim.hash(), person.value(), now)));
        jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) VALUES "
                + String.join(", ", Collections.nCopies(claims.size(), "(?, ?, ?, ?)")), values.toArray());
    }

    /** The command that applied the event has just sealed under this key. */
    private PersonalDataVault.Opener openerFor(PersonId person) {
        return vault.openerFor(person.value())
                .orElseThrow(() -> new IllegalStateException("no data key for " + person));
    }

    private Optional<PersonId> holder(Kind kind, String hash) {
        return jdbc.query("SELECT person_id FROM identity_claim WHERE claim_kind = ? AND claim_hash = ?",
                (rs, row) -> PersonId.parse(rs.getString(1)), kind.name(), hash).stream().findFirst();
    }
}
