package gov.etax.identity.command.person.offline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.commands.RecordOfflineCollection;
import gov.etax.identity.kernel.person.events.OfflineRealNameCollected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One offline real-name collection at a tax service hall (REG-3). Its own small aggregate: the
 * holder of a foreign passport or work permit is no natural person of this system until they
 * register, yet what staff did at the counter belongs in the audited history, with who did it. The
 * service seals the document and name under the collection's own key before sending.
 */
@Aggregate
public class OfflineCollection {

    @AggregateIdentifier
    private OfflineCollectionId collectionId;

    protected OfflineCollection() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public OfflineCollection(RecordOfflineCollection command) {
        String hall = ServiceHall.check(command.hall());
        apply(new OfflineRealNameCollected(
                command.collectionId(),
                command.documentType(),
                command.documentNumber(),
                command.name(),
                hall,
                command.collectedBy()));
    }

    @EventSourcingHandler
    void on(OfflineRealNameCollected event) {
        this.collectionId = event.collectionId();
    }
}
