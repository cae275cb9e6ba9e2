package gov.etax.identity.query.account;

import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.queries.FindPersonAccount;
import gov.etax.identity.kernel.person.queries.PersonAccountView;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Builds the account-center view; the only place personal data is opened, and it leaves masked. */
@Component
@ProcessingGroup(PersonAccountProjection.PROCESSING_GROUP)
public class PersonAccountProjection {

    public static final String PROCESSING_GROUP = "person-accounts";
    static final String ERASED = "[erased]";

    private final PersonAccountRepository accounts;
    private final PersonalDataReader personalData;

    public PersonAccountProjection(PersonAccountRepository accounts, PersonalDataReader personalData) {
        this.accounts = accounts;
        this.personalData = personalData;
    }

    @EventHandler
    void on(NaturalPersonRegistered event, @Timestamp Instant registeredAt) {
        String subject = event.personId().value();
        // A forgotten person (data key deleted) still counts as an account, with nothing personal in it.
        PersonalDataReader.Opener opener = personalData.forSubject(subject).orElse(text -> null);
        String documentNumber = opener.open(event.documentNumber());
        String phone = opener.open(event.phone());
        String name = opener.open(event.name());
        accounts.save(new PersonAccount(
                subject,
                event.documentType().name(),
                documentNumber == null ? ERASED : Masking.documentNumber(documentNumber),
                name == null ? ERASED : name,
                opener.open(event.username()),
                event.realNameLevel().number(),
                registeredAt,
                phone == null ? List.of() : List.of(Masking.phone(phone))));
    }

    @QueryHandler
    Optional<PersonAccountView> handle(FindPersonAccount query) {
        return accounts.findById(query.personId().value()).map(PersonAccount::view);
    }

    @ResetHandler
    void reset() {
        accounts.deleteAllInBatch();
    }
}
