package gov.etax.identity.command.reference;

import gov.etax.identity.kernel.person.DocumentType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reference lists a frontend needs before anyone logs in, such as the document types of a registration form. */
@RestController
public class ReferenceController {

    @Schema(name = "DocumentTypeReference")
    public record DocumentTypeEntry(
            @Schema(description = "The value of documentType in requests", example = "RESIDENT_IDENTITY_CARD") String code,
            @Schema(description = "The document type's Chinese name", example = "居民身份证") String nameZh,
            @Schema(description = "REG-3: false means registration needs an offline collection at a service hall first")
            boolean onlineRegistrationAllowed) {
    }

    @Operation(summary = "The eleven identity document types (REG-3)",
            description = "Each code with its Chinese name and whether a person holding it may register online; "
                    + "the other types need their real-name information collected at a tax service hall first.")
    @GetMapping("/api/reference/document-types")
    public List<DocumentTypeEntry> documentTypes() {
        return Arrays.stream(DocumentType.values())
                .map(type -> new DocumentTypeEntry(type.name(), type.chineseName(), type.mayRegisterOnline()))
                .toList();
    }
}
