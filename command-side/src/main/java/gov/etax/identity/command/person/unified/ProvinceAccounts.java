package gov.etax.identity.command.person.unified;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.commands.AddProvinceAccount;
import gov.etax.identity.kernel.person.commands.ChooseUnifiedCredentials;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.ProvinceAccountAdded;
import gov.etax.identity.kernel.person.events.UnifiedCredentialsChosen;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The province accounts a migrated person holds and whose credentials are in use (PWD-6), part of
 * the {@code NaturalPerson} aggregate. Until the person chooses, the first imported province's
 * credentials are in use. A person registered online holds none: an import never adds a
 * guessable initial password to an account opened with a face scan.
 */
public class ProvinceAccounts {

    private final Set<ProvinceCode> provinces = new LinkedHashSet<>();
    private ProvinceCode inUse;
    private boolean chosen;

    /** The slice's handler stores the account's initial credential once it is added. */
    public void decide(AddProvinceAccount command) {
        if (provinces.isEmpty()) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal(
                    "The person registered online; an import adds no province account to them.");
        }
        if (provinces.contains(command.province())) {
            throw UnifiedReason.PROVINCE_ACCOUNT_EXISTS.refusal();
        }
        apply(new ProvinceAccountAdded(command.personId(), command.province(), command.importedBy()));
    }

    /**
     * Answers whether anything changed: choosing the credentials already chosen records nothing. The
     * slice's handler puts the chosen credential in use when something did.
     */
    public boolean decide(ChooseUnifiedCredentials command) {
        if (!provinces.contains(command.province())) {
            throw UnifiedReason.PROVINCE_ACCOUNT_NOT_HELD.refusal();
        }
        if (chosen && command.province().equals(inUse)) {
            return false;
        }
        apply(new UnifiedCredentialsChosen(command.personId(), command.province()));
        return true;
    }

    @EventSourcingHandler
    void on(NaturalPersonMigrated event) {
        provinces.add(event.province());
        inUse = event.province();
    }

    @EventSourcingHandler
    void on(ProvinceAccountAdded event) {
        provinces.add(event.province());
    }

    @EventSourcingHandler
    void on(UnifiedCredentialsChosen event) {
        inUse = event.province();
        chosen = true;
    }
}
