package gov.etax.identity.command.person.history;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.kernel.person.commands.ClearHistoryRecord;
import gov.etax.identity.kernel.person.events.HistoryRecordCleared;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * ACC-10: the records a person has hidden from their own history information. Part of the
 * {@code NaturalPerson} aggregate, so every clearing is in the person's own history.
 *
 * <p>The aggregate cannot see the query side's records, so it does not check that the id names one
 * of them: it takes any record id of the right form. That is safe because a clearing is keyed by
 * the person who made it and only ever hides records from that person's own view.
 */
public class HistoryRecords {

    private final Set<String> cleared = new HashSet<>();

    /** Answers whether this command hid the record (false: it was already hidden, nothing recorded). */
    @CommandHandler
    public boolean handle(ClearHistoryRecord command) {
        if (cleared.contains(command.recordId())) {
            return false;
        }
        apply(new HistoryRecordCleared(command.personId(), command.recordId()));
        return true;
    }

    @EventSourcingHandler
    void on(HistoryRecordCleared event) {
        cleared.add(event.recordId());
    }
}
