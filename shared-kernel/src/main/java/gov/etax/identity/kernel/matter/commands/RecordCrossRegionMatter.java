package gov.etax.identity.kernel.matter.commands;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.privacy.EncryptedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tax authority staff record a cross-region matter report (LOGIN-6). The handler's name and phone
 * come sealed under the matter's own data key.
 */
public record RecordCrossRegionMatter(
        @TargetAggregateIdentifier CrossRegionMatterId matterId,
        String matterNumber,
        Uscc enterprise,
        String projectName,
        TaxAuthorityCode competentAuthority,
        EncryptedText handlerName,
        EncryptedText handlerPhone,
        String recordedBy) {
}
