package gov.etax.identity.command.person.offline;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tax-authority/offline-collections}: staff (ROLE_TAX_STAFF, see SecurityConfiguration)
 * record that real-name information was collected at a hall for a document (REG-3).
 */
@RestController
public class OfflineCollectionController {

    private final OfflineCollectionService collections;

    public OfflineCollectionController(OfflineCollectionService collections) {
        this.collections = collections;
    }

    @PostMapping("/api/tax-authority/offline-collections")
    @ResponseStatus(HttpStatus.CREATED)
    public OfflineCollectionService.Recorded record(@AuthenticationPrincipal Jwt staff,
                                                    @RequestBody OfflineCollectionService.Collection collection) {
        return collections.record(collection, staff.getSubject());
    }
}
