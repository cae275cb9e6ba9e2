package gov.etax.identity.query.account;

import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.person.queries.FindPersonAccount;
import gov.etax.identity.kernel.person.queries.PersonAccountView;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.infrastructure.persistence.ReadModelTables;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the account-center view; the only place personal data is opened, and it leaves masked. Rows are
 * kept for the batch and written when it commits ({@link PersonAccountWrites}).
 */
@Component
@ProcessingGroup(PersonAccountProjection.PROCESSING_GROUP)
public class PersonAccountProjection {

    public static final String PROCESSING_GROUP = "person-accounts";
    static final String ERASED = "[erased]";

    private final PersonAccountRepository accounts;
    private final PersonAccountWrites writes;
    private final PersonalDataReader personalData;
    private final ReadModelTables tables;

    PersonAccountProjection(PersonAccountRepository accounts, PersonAccountWrites writes, PersonalDataReader personalData,
                            ReadModelTables tables) {
        this.accounts = accounts;
        this.writes = writes;
        this.personalData = personalData;
        this.tables = tables;
    }

    @EventHandler
    void on(NaturalPersonRegistered event, @Timestamp Instant registeredAt) {
        String subject = event.personId().value();
        // A forgotten person (data key deleted) still counts as an account, with nothing personal in it.
        PersonalDataReader.Opener opener = personalData.forSubject(subject).orElse(text -> null);
        String documentNumber = opener.open(event.documentNumber());
        String phone = opener.open(event.phone());
        String name = opener.open(event.name());
        writes.save(new PersonAccountRow(
                subject,
                event.documentType().name(),
                documentNumber == null ? ERASED : Masking.documentNumber(documentNumber),
                name == null ? ERASED : name,
                opener.open(event.username()),
                event.realNameLevel().number(),
                registeredAt,
                phone == null ? List.of() : List.of(Masking.phone(phone))));
    }

    /** A person imported from a province's data (PWD-2, REG-5): level 3, only the phones left bound (LOGIN-3). */
    @EventHandler
    void on(NaturalPersonMigrated event, @Timestamp Instant migratedAt) {
        String subject = event.personId().value();
        PersonalDataReader.Opener opener = personalData.forSubject(subject).orElse(text -> null);
        String documentNumber = opener.open(event.documentNumber());
        String name = opener.open(event.name());
        List<String> phones = event.phones().stream().map(opener::open).filter(java.util.Objects::nonNull)
                .map(Masking::phone).toList();
        writes.save(new PersonAccountRow(subject, event.documentType().name(),
                documentNumber == null ? ERASED : Masking.documentNumber(documentNumber),
                name == null ? ERASED : name, null, event.realNameLevel().number(), migratedAt, phones));
    }

    @EventHandler
    void on(PhoneBound event) {
        update(event.personId().value(), (account, opener) -> {
            String phone = opener.open(event.phone());
            return phone == null ? account : account.withPhoneBound(Masking.phone(phone));
        });
    }

    @EventHandler
    void on(PhoneUnbound event) {
        update(event.personId().value(), (account, opener) -> {
            String phone = opener.open(event.phone());
            return phone == null ? account : account.withPhoneUnbound(Masking.phone(phone));
        });
    }

    @EventHandler
    void on(UsernameChanged event) {
        update(event.personId().value(), (account, opener) -> account.withUsername(opener.open(event.username())));
    }

    @EventHandler
    void on(RealNameLevelRaised event) {
        // Nothing sealed in this event: no data key is read for it.
        writes.find(event.personId().value())
                .ifPresent(account -> writes.save(account.withRealNameLevel(event.to().number())));
    }

    private void update(String subject, BiFunction<PersonAccountRow, PersonalDataReader.Opener, PersonAccountRow> change) {
        writes.find(subject).ifPresent(account ->
                writes.save(change.apply(account, personalData.forSubject(subject).orElse(text -> null))));
    }

    @QueryHandler
    Optional<PersonAccountView> handle(FindPersonAccount query) {
        return accounts.findById(query.personId().value()).map(PersonAccount::view);
    }

    @ResetHandler
    void reset() {
        tables.empty("person_account_phone", "person_account");
    }
}
