package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcPersonDirectory implements PersonDirectory {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final IdentityClaims claims;

    public JdbcPersonDirectory(JdbcTemplate jdbc, LookupHash lookupHash, IdentityClaims claims) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.claims = claims;
    }

    @Override
    public Optional<PersonId> withDocument(DocumentNumber document) {
        return claims.documentHolder(lookupHash.of(document));
    }

    @Override
    public Optional<PersonId> withPhone(MobilePhone phone) {
        return claims.phoneHolder(lookupHash.of(phone));
    }

    @Override
    public Optional<PersonId> withUsername(Username username) {
        return claims.usernameHolder(lookupHash.of(username));
    }

    @Override
    public int phoneCountOf(PersonId personId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM identity_claim WHERE claim_kind = 'PHONE' AND person_id = ?",
                Integer.class, personId.value());
        return count == null ? 0 : count;
    }

    @Override
    public List<String> phoneHashesOf(PersonId personId) {
        return jdbc.queryForList("SELECT claim_hash FROM identity_claim WHERE claim_kind = 'PHONE' AND person_id = ?",
                String.class, personId.value());
    }
}
