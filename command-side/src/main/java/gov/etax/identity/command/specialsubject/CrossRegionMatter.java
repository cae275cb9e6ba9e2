package gov.etax.identity.command.specialsubject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.matter.commands.RecordCrossRegionMatter;
import gov.etax.identity.kernel.matter.commands.SwitchCompetentAuthority;
import gov.etax.identity.kernel.matter.events.CompetentAuthoritySwitched;
import gov.etax.identity.kernel.matter.events.CrossRegionMatterRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A cross-region tax matter report (跨区域涉税事项报告) and the competent authority of its project (LOGIN-6). */
@Aggregate
public class CrossRegionMatter {

    @AggregateIdentifier
    private CrossRegionMatterId matterId;
    private TaxAuthorityCode competentAuthority;

    protected CrossRegionMatter() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public CrossRegionMatter(RecordCrossRegionMatter command) {
        apply(new CrossRegionMatterRecorded(command.matterId(), command.matterNumber(), command.enterprise(),
                command.projectName(), command.competentAuthority(), command.handlerName(), command.handlerPhone(),
                command.recordedBy()));
    }

    /** Switching to the authority already in charge changes nothing and records nothing. */
    @CommandHandler
    public void handle(SwitchCompetentAuthority command) {
        if (command.competentAuthority().equals(competentAuthority)) {
            return;
        }
        apply(new CompetentAuthoritySwitched(matterId, competentAuthority, command.competentAuthority(), command.switchedBy()));
    }

    @EventSourcingHandler
    void on(CrossRegionMatterRecorded event) {
        this.matterId = event.matterId();
        this.competentAuthority = event.competentAuthority();
    }

    @EventSourcingHandler
    void on(CompetentAuthoritySwitched event) {
        this.competentAuthority = event.to();
    }
}
