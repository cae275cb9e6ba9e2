package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.RiskMatters;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.matter.commands.RecordCrossRegionMatter;
import gov.etax.identity.kernel.matter.commands.SwitchCompetentAuthority;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * The special-subject entry (特定主体, LOGIN-6). Finding matters needs the relationships in force and
 * the keyed hashes of phones, so this read lives on the command side beside them.
 */
@Service
public class SpecialSubjectService {

    private final MatterRegister matters;
    private final Relationships relationships;
    private final PersonDirectory directory;
    private final PersonNames names;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final RiskMatters realName;
    private final PersonalDataVault vault;

    public SpecialSubjectService(MatterRegister matters, Relationships relationships, PersonDirectory directory,
                                 PersonNames names, CommandGateway commandGateway, Clock clock,
                                 RiskMatters realName, PersonalDataVault vault) {
        this.realName = realName;
        this.vault = vault;
        this.matters = matters;
        this.relationships = relationships;
        this.directory = directory;
        this.names = names;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    @Schema(name = "CrossRegionMatterReport")
    public record MatterReport(String matterNumber, String uscc, String projectName, String competentAuthority,
                               String handlerName, String handlerPhone) {
    }

    public CrossRegionMatterId record(MatterReport report, String staffId) {
        CrossRegionMatterId matterId = CrossRegionMatterId.generate();
        String number = MatterVisibility.requireNumber(report.matterNumber());
        // The look-up's key still refuses a number recorded meanwhile by another request.
        if (matters.byNumber(number).isPresent()) {
            throw SpecialSubjectReason.MATTER_ALREADY_RECORDED.refusal();
        }
        Uscc uscc = new Uscc(report.uscc());
        TaxAuthorityCode competentAuthority = new TaxAuthorityCode(report.competentAuthority());
        PersonName handlerName = new PersonName(report.handlerName());
        MobilePhone handlerPhone = new MobilePhone(report.handlerPhone());
        PersonalDataVault.Sealer sealer = vault.sealerFor(matterId.value());
        commandGateway.sendAndWait(new RecordCrossRegionMatter(matterId, number, uscc, report.projectName(),
                competentAuthority, sealer.seal(handlerName.value()), sealer.seal(handlerPhone.value()), staffId));
        return matterId;
    }

    /** @param visibleAs the role that entitles the person, or HANDLER */
    @Schema(name = "CrossRegionMatter")
    public record VisibleMatter(String matterNumber, String uscc, String projectName, String competentAuthority,
                                String visibleAs) {
    }

    public List<VisibleMatter> find(CurrentPerson person, String numberEndsWith) {
        requireSpecialSubjectSession(person);
        String fragment = MatterVisibility.requireFragment(numberEndsWith);
        Viewer viewer = viewer(person);
        return matters.endingWith(fragment).stream()
                .map(matter -> visible(matter, viewer))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * A risk matter (REG-5): a level-3 person gives a face scan, after the cheaper checks so that a
     * refused switch spends none.
     */
    public VisibleMatter switchAuthority(CurrentPerson person, String matterNumber, String competentAuthority,
                                         String faceVerificationToken) {
        requireSpecialSubjectSession(person);
        TaxAuthorityCode authority = new TaxAuthorityCode(competentAuthority);
        MatterRegister.Matter matter = matters.byNumber(MatterVisibility.requireNumber(matterNumber))
                .filter(m -> visible(m, viewer(person)).isPresent())
                .orElseThrow(SpecialSubjectReason.MATTER_NOT_FOUND::refusal);
        realName.askInRiskMatter(person.personId(), faceVerificationToken);
        commandGateway.sendAndWait(new SwitchCompetentAuthority(matter.matterId(), authority, person.personId()));
        return visible(matters.byNumber(matter.matterNumber()).orElseThrow(), viewer(person)).orElseThrow();
    }

    private record Viewer(List<Relationships.ActiveRelationship> relationships, Optional<PersonName> name,
                          List<String> phoneHashes) {
    }

    private Viewer viewer(CurrentPerson person) {
        return new Viewer(relationships.of(person.personId(), clock.instant()), names.nameOf(person.personId()),
                directory.phoneHashesOf(person.personId()));
    }

    private Optional<VisibleMatter> visible(MatterRegister.Matter matter, Viewer viewer) {
        boolean handler = viewer.name().isPresent()
                && matters.handledBy(matter.matterId(), viewer.name().get(), viewer.phoneHashes());
        String why = MatterVisibility.why(matter, viewer.relationships(), handler);
        return Optional.ofNullable(why).map(reason -> new VisibleMatter(matter.matterNumber(), matter.enterprise().value(),
                matter.projectName(), matter.competentAuthority().value(), reason));
    }

    private static void requireSpecialSubjectSession(CurrentPerson person) {
        if (person.entry() != LoginEntry.SPECIAL_SUBJECT) {
            throw SpecialSubjectReason.SPECIAL_SUBJECT_SESSION_REQUIRED.refusal();
        }
    }
}
