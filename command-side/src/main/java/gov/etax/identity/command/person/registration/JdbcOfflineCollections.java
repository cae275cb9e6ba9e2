package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcOfflineCollections implements OfflineCollections {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;

    public JdbcOfflineCollections(JdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public boolean isOnRecord(DocumentNumber document) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM offline_collection WHERE document_hash = ?",
                Integer.class, lookupHash.of(document));
        return count != null && count > 0;
    }

    @Override
    public Optional<HallCollection> find(DocumentNumber document, PersonName name) {
        return jdbc.query("SELECT collection_id, name_hash FROM offline_collection WHERE document_hash = ?",
                (row, n) -> {
                    String collectedName = row.getString("name_hash");
                    return new HallCollection(row.getString("collection_id"),
                            collectedName == null || collectedName.equals(lookupHash.of(name)));
                }, lookupHash.of(document)).stream().findFirst();
    }
}
