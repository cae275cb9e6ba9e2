package gov.etax.identity.command.person.migration;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tax-authority/person-imports} (tax authority staff only): a JSON array of
 * existing persons of a province. Answers 200 with an outcome per row (REG-5, PWD-2, LOGIN-3, PWD-6).
 */
@RestController
public class PersonImportController {

    private final PersonImportService imports;

    public PersonImportController(PersonImportService imports) {
        this.imports = imports;
    }

    @PostMapping("/api/tax-authority/person-imports")
    public PersonImportService.Report importPersons(@AuthenticationPrincipal Jwt staff,
                                                    @RequestBody List<PersonImportService.Row> rows) {
        return imports.importPersons(rows, staff.getSubject());
    }
}
