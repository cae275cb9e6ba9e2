package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff record cross-region matters; persons at the special-subject entry find them and switch authority (LOGIN-6). */
@RestController
public class SpecialSubjectController {

    private final SpecialSubjectService specialSubject;

    public SpecialSubjectController(SpecialSubjectService specialSubject) {
        this.specialSubject = specialSubject;
    }

    @PostMapping("/api/tax-authority/cross-region-matters")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> record(@AuthenticationPrincipal Jwt staff, @RequestBody SpecialSubjectService.MatterReport report) {
        return Map.of("matterId", specialSubject.record(report, staff.getSubject()).value());
    }

    @GetMapping("/api/special-subject/matters")
    public List<SpecialSubjectService.VisibleMatter> find(@AuthenticationPrincipal Jwt token,
                                                          @RequestParam(required = false) String numberEndsWith) {
        return specialSubject.find(CurrentPerson.of(token), numberEndsWith);
    }

    /** @param faceVerificationToken asked of a person at real-name level 3: a risk matter (REG-5) */
    @Schema(name = "CompetentAuthoritySwitch")
    public record AuthoritySwitch(String competentAuthority,
                                  @Schema(description = "Asked of a person at real-name level 3 (a risk matter, REG-5): "
                                          + "a passed face scan of their own document, which raises them to level 4; "
                                          + "without it 422 RISK_MATTER_FACE_SCAN_REQUIRED")
                                  String faceVerificationToken) {
    }

    @PostMapping("/api/special-subject/matters/{matterNumber}/competent-authority")
    public SpecialSubjectService.VisibleMatter switchAuthority(@AuthenticationPrincipal Jwt token,
                                                               @PathVariable String matterNumber,
                                                               @RequestBody AuthoritySwitch request) {
        return specialSubject.switchAuthority(CurrentPerson.of(token), matterNumber, request.competentAuthority(),
                request.faceVerificationToken());
    }
}
