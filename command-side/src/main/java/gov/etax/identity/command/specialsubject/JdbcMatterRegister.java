package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.specialsubject.MatterRegister;
import gov.etax.identity.command.specialsubject.SpecialSubjectReason;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code cross_region_matter}: the handler is kept only as keyed hashes of name and phone. */
@Component
public class JdbcMatterRegister implements MatterRegister {

    private static final String COLUMNS = "matter_id, matter_number, uscc, project_name, competent_authority";

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final Clock clock;

    public JdbcMatterRegister(JdbcTemplate jdbc, LookupHash lookupHash, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.clock = clock;
    }

    @Override
    public void record(Matter matter, PersonName handlerName, MobilePhone handlerPhone) {
        try {
            jdbc.update("INSERT INTO cross_region_matter (" + COLUMNS + ", handler_name_hash, handler_phone_hash, recorded_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    matter.matterId().value(), matter.matterNumber(), matter.enterprise().value(), matter.projectName(),
                    matter.competentAuthority().value(), nameHash(handlerName), lookupHash.of(handlerPhone),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw SpecialSubjectReason.MATTER_ALREADY_RECORDED.refusal();
        }
    }

    @Override
    public void switchAuthority(CrossRegionMatterId matterId, TaxAuthorityCode competentAuthority) {
        jdbc.update("UPDATE cross_region_matter SET competent_authority = ? WHERE matter_id = ?",
                competentAuthority.value(), matterId.value());
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
