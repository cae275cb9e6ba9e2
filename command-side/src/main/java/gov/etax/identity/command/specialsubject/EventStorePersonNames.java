package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.command.specialsubject.PersonNames;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The name is kept nowhere in clear on the command side; it is opened from the event that created
 * the person, with that person's own key.
 */
@Component
public class EventStorePersonNames implements PersonNames {

    private final EventStore eventStore;
    private final PersonalDataVault vault;

    public EventStorePersonNames(EventStore eventStore, PersonalDataVault vault) {
        this.eventStore = eventStore;
        this.vault = vault;
    }

    @Override
    public Optional<PersonName> nameOf(PersonId person) {
        Optional<EncryptedText> sealed = eventStore.readEvents(person.value(), 0).asStream()
                .map(message -> message.getPayload())
                .map(payload -> payload instanceof NaturalPersonRegistered registered ? registered.name()
                        : payload instanceof NaturalPersonMigrated migrated ? migrated.name() : null)
                .filter(java.util.Objects::nonNull)
                .findFirst();
        return sealed.flatMap(text -> vault.openerFor(person.value()).map(opener -> new PersonName(opener.open(text))));
    }
}
