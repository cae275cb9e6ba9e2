package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.command.specialsubject.MatterRegister;
import gov.etax.identity.command.specialsubject.SpecialSubjectReason;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.matter.events.CompetentAuthoritySwitched;
import gov.etax.identity.kernel.matter.events.CrossRegionMatterRecorded;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code cross_region_matter}, kept by the matters' events in the transaction of the command that
 * applied them (a subscribing processor); the handler is kept only as keyed hashes of name and phone.
 */
@Component
public class JdbcMatterRegister implements MatterRegister {

    private static final String COLUMNS = "matter_id, matter_number, uscc, project_name, competent_authority";

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final PersonalDataVault vault;

    public JdbcMatterRegister(JdbcTemplate jdbc, LookupHash lookupHash, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.vault = vault;
    }

    /** A matter number recorded meanwhile by another request fails this one on the key. */
    @EventHandler
    void on(CrossRegionMatterRecorded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        PersonalDataVault.Opener opener = vault.openerFor(event.matterId().value()).orElseThrow();
        try {
            jdbc.update("INSERT INTO cross_region_matter (" + COLUMNS + ", handler_name_hash, handler_phone_hash, recorded_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.matterId().value(), event.matterNumber(), event.enterprise().value(), event.projectName(),
                    event.competentAuthority().value(), nameHash(new PersonName(opener.open(event.handlerName()))),
                    lookupHash.of(new MobilePhone(opener.open(event.handlerPhone()))), Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw SpecialSubjectReason.MATTER_ALREADY_RECORDED.refusal();
        }
    }

    @EventHandler
    void on(CompetentAuthoritySwitched event) {
        jdbc.update("UPDATE cross_region_matter SET competent_authority = ? WHERE matter_id = ?",
                event.to().value(), event.matterId().value());
    }

    @Override
    public List<Matter> endingWith(String fragment) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cross_region_matter WHERE matter_number LIKE ? ORDER BY matter_number",
                (rs, row) -> matter(rs), "%" + fragment);
    }

    @Override
    public Optional<Matter> byNumber(String matterNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cross_region_matter WHERE matter_number = ?",
                (rs, row) -> matter(rs), matterNumber).stream().findFirst();
    }

    @Override
    public boolean handledBy(CrossRegionMatterId matterId, PersonName name, List<String> phoneHashes) {
        String phoneHash = jdbc.query("SELECT handler_phone_hash FROM cross_region_matter WHERE matter_id = ? "
                        + "AND handler_name_hash = ?", (rs, row) -> rs.getString(1), matterId.value(), nameHash(name))
                .stream().findFirst().orElse(null);
        return phoneHash != null && phoneHashes.contains(phoneHash);
    }

    private String nameHash(PersonName name) {
        return lookupHash.of("handler-name", name.value());
    }

    private static Matter matter(ResultSet rs) throws SQLException {
        return new Matter(CrossRegionMatterId.parse(rs.getString(1)), rs.getString(2), new Uscc(rs.getString(3)),
                rs.getString(4), new TaxAuthorityCode(rs.getString(5)));
    }
}
