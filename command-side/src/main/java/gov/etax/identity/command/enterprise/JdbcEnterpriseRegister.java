package gov.etax.identity.command.enterprise;

import gov.etax.identity.command.authorization.JdbcAuthorizationLookUps;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.events.EnterpriseTaxInformationConfirmed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code enterprise_register}: primary key USCC, written in the confirmation's transaction, so a
 * second confirmation waits for the first and then fails. In the authorizations' look-up group, so
 * the writes follow the events' order: the enterprise before the authorizations it creates.
 */
@Component
@ProcessingGroup(JdbcAuthorizationLookUps.GROUP)
public class JdbcEnterpriseRegister implements EnterpriseRegister {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcEnterpriseRegister(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(EnterpriseTaxInformationConfirmed event) {
        try {
            jdbc.update("INSERT INTO enterprise_register (uscc, enterprise_id, confirmed_at) VALUES (?, ?, ?)",
                    event.uscc().value(), event.enterpriseId().value(), Timestamp.from(clock.instant()));
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
