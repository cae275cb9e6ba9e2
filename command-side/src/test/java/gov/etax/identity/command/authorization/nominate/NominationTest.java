package gov.etax.identity.command.authorization.nominate;

import static gov.etax.identity.command.authorization.AuthorizationFakes.capture;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddInvoicingOfficer;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The nomination rules of the Authorization aggregate (ACC-1, ACC-2, ACC-5). */
class NominationTest extends AuthorizationFixture {

    @Test
    @DisplayName("ACC-5: the legal representative nominates a registered tax officer: a pending authorization with the tax function sets by default")
    void legalRepresentativeNominatesTaxOfficer() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(addTaxOfficer(as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), Set.of()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(capture(events));
        StaffNominated nominated = (StaffNominated) events.get(0);
        assertThat(nominated.role()).isEqualTo(RelationshipRole.TAX_OFFICER);
        assertThat(nominated.taxOfficerIdentity()).isEqualTo(TaxOfficerIdentity.MAIN);
        assertThat(nominated.scopes()).isEqualTo(FunctionSet.taxSets()).noneMatch(FunctionSet::isInvoicing);
        assertThat(nominated.validUntil()).isEqualTo(VALID_UNTIL);
        assertThat(nominated.holderPersonId()).isEqualTo(nominee);
        assertThat(nominated.nominatedBy()).isEqualTo(legalRepresentative);
        assertThat(nominated.nominatedAs()).isEqualTo(RelationshipRole.LEGAL_REPRESENTATIVE);
        assertThat(nominated.holderDocumentNumber().ciphertext()).doesNotContain(nomineeDocument.value());
        assertThat(vault.open(id.value(), nominated.holderDocumentNumber())).isEqualTo(nomineeDocument.value());
    }

    @Test
    @DisplayName("ACC-2: the finance manager in an enterprise session nominates an invoicing officer, who gets invoicing function sets only")
    void financeManagerNominatesInvoicingOfficer() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(new AddInvoicingOfficer(id, enterpriseId, uscc, sealed(nomineeDocument), Set.of(), VALID_UNTIL,
                        as(financeManager, RelationshipRole.FINANCE_MANAGER)))
                .expectEventsMatching(capture(events));
        StaffNominated nominated = (StaffNominated) events.get(0);
        assertThat(nominated.role()).isEqualTo(RelationshipRole.INVOICING_OFFICER);
        assertThat(nominated.scopes()).isEqualTo(FunctionSet.invoicingSets()).allMatch(FunctionSet::isInvoicing);
        assertThat(nominated.taxOfficerIdentity()).isNull();
    }

    @Test
    @DisplayName("ACC-5: an invoicing officer is never granted a tax function set")
    void invoicingOfficerGetsInvoicingOnly() {
        fixture.givenNoPriorActivity()
                .when(new AddInvoicingOfficer(id, enterpriseId, uscc, sealed(nomineeDocument),
                        Set.of(FunctionSet.INVOICE_ISSUING, FunctionSet.TAX_DECLARATION), VALID_UNTIL,
                        as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectException(refusal(AuthorizationReason.SCOPE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-1: a person who is not registered cannot be added: \"该办税人员尚未注册\"")
    void nomineeMustBeRegistered() {
        fixture.givenNoPriorActivity()
                .when(new AddTaxOfficer(id, enterpriseId, uscc, sealed(document()), TaxOfficerIdentity.SUB, Set.of(),
                        VALID_UNTIL, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectException(refusal(AuthorizationReason.STAFF_NOT_REGISTERED))
                .expectNoEvents();
        assertThat(AuthorizationReason.STAFF_NOT_REGISTERED.messageZh()).isEqualTo("该办税人员尚未注册");
    }

    @Test
    @DisplayName("ACC-2: a tax officer, a natural-person session, another enterprise's legal representative or an LR no longer in force cannot add staff")
    void onlyLegalRepresentativeOrFinanceManager() {
        PersonId officer = facts.register(document());
        for (Actor actor : List.of(
                as(officer, RelationshipRole.TAX_OFFICER),
                new Actor(legalRepresentative, null),
                new Actor(legalRepresentative, new ActingFor(uscc("000000002"), RelationshipRole.LEGAL_REPRESENTATIVE)),
                as(stranger, RelationshipRole.LEGAL_REPRESENTATIVE))) {
            fixture.givenNoPriorActivity()
                    .when(addTaxOfficer(actor, Set.of()))
                    .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                    .expectNoEvents();
        }
    }

    @Test
    @DisplayName("ACC-5: a second pending or active authorization for the same person and role is refused")
    void oneAuthorizationPerPersonAndRole() {
        facts.claim(AuthorizationId.generate(), uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        fixture.givenNoPriorActivity()
                .when(addTaxOfficer(as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), Set.of()))
                .expectException(refusal(AuthorizationReason.ALREADY_AUTHORIZED));
    }

    @Test
    @DisplayName("ACC-5: the end date of validity may be today (China Standard Time) but not yesterday")
    void validityNotInThePast() {
        LocalDate today = LocalDate.ofInstant(NOW, CST);
        fixture.givenNoPriorActivity()
                .when(new AddTaxOfficer(id, enterpriseId, uscc, sealed(nomineeDocument), null, Set.of(), today.minusDays(1),
                        as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectException(refusal(AuthorizationReason.VALIDITY_ALREADY_OVER));
        fixture.givenNoPriorActivity()
                .when(new AddTaxOfficer(id, enterpriseId, uscc, sealed(nomineeDocument), null, Set.of(), today,
                        as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectSuccessfulHandlerExecution();
    }
}
