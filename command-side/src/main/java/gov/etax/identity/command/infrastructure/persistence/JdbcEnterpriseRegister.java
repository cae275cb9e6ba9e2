package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code enterprise_register}: primary key USCC, so a second confirmation waits for the first and then fails. */
@Component
public class JdbcEnterpriseRegister implements EnterpriseRegister {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcEnterpriseRegister(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void claim(Uscc uscc, EnterpriseId enterpriseId) {
        try {
            jdbc.update("INSERT INTO enterprise_register (uscc, enterprise_id, confirmed_at) VALUES (?, ?, ?)",
                    uscc.value(), enterpriseId.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw EnterpriseReason.ENTERPRISE_ALREADY_CONFIRMED.refusal();
        }
    }

    @Override
    public Optional<EnterpriseId> find(Uscc uscc) {
        return jdbc.query("SELECT enterprise_id FROM enterprise_register WHERE uscc = ?",
                (rs, row) -> EnterpriseId.parse(rs.getString(1)), uscc.value()).stream().findFirst();
    }
}
