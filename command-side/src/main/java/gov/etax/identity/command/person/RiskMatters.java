package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.PersonId;

/** REG-5, 风险实名事项: what another module's risk-sensitive operation asks of a person's real-name level. */
public interface RiskMatters {

    /**
     * 系统自动提示扫脸: a level-3 person gives a passed face scan of their own document, which raises
     * them to level 4; a level-4 person is asked nothing.
     */
    void askInRiskMatter(PersonId person, String faceVerificationToken);
}
