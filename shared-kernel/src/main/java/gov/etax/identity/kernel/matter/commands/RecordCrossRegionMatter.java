package gov.etax.identity.kernel.matter.commands;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tax authority staff record a cross-region matter report (LOGIN-6). */
public record RecordCrossRegionMatter(
        @TargetAggregateIdentifier CrossRegionMatterId matterId,
        String matterNumber,
        Uscc enterprise,
        String projectName,
        TaxAuthorityCode competentAuthority,
        PersonName handlerName,
        MobilePhone handlerPhone,
        String recordedBy) {
}
