package gov.etax.identity.command.person;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonPhones;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Opens the phones from the person's own events with their key. A phone the events name but the
 * claims do not give to this person (a migrated phone another person already held) is left out.
 */
@Component
public class EventStorePersonPhones implements PersonPhones {

    private final EventStore eventStore;
    private final PersonalDataVault vault;
    private final PersonDirectory directory;

    public EventStorePersonPhones(EventStore eventStore, PersonalDataVault vault, PersonDirectory directory) {
        this.eventStore = eventStore;
        this.vault = vault;
        this.directory = directory;
    }

    @Override
    public List<MobilePhone> of(PersonId person) {
        PersonalDataVault.Opener opener = vault.openerFor(person.value()).orElse(null);
        if (opener == null) {
            return List.of();
        }
        Set<MobilePhone> phones = new LinkedHashSet<>();
        // From the first event: readEvents(id) alone would start at the person's snapshot.
        eventStore.readEvents(person.value(), 0).asStream().map(message -> message.getPayload()).forEach(payload -> {
            if (payload instanceof NaturalPersonRegistered registered && registered.phone() != null) {
                phones.add(new MobilePhone(opener.open(registered.phone())));
            } else if (payload instanceof NaturalPersonMigrated migrated) {
                migrated.phones().forEach(phone -> phones.add(new MobilePhone(opener.open(phone))));
            } else if (payload instanceof PhoneBound bound) {
                phones.add(new MobilePhone(opener.open(bound.phone())));
            } else if (payload instanceof PhoneUnbound unbound) {
                phones.remove(new MobilePhone(opener.open(unbound.phone())));
            }
        });
        return phones.stream().filter(phone -> directory.withPhone(phone).filter(person::equals).isPresent()).toList();
    }
}
