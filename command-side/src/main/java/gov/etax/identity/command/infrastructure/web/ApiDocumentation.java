package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.command.infrastructure.axon.TargetRefusals;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * What the OpenAPI description adds to what springdoc reads from the controllers: under every
 * operation the refusals it can answer (problem+json, each code with its rule and Chinese
 * wording, from {@link RefusalCatalogue}; see {@link ProblemResponses}); the codes of the
 * enumerations with their Chinese names and the formats of identifiers ({@link ApiVocabulary}).
 */
@Configuration
public class ApiDocumentation {

    /** Callers need no token for these (docs/security.md); every other operation may answer 401 and 403. */
    private static final Set<String> PUBLIC = Set.of("/api/persons/registrations", "/api/sessions",
            "/api/sms-challenges", "/api/password-resets", "/api/phone-recoveries");
    private static final List<String> PUBLIC_UNDER = List.of("/api/login-tickets", "/api/reference/", "/api/dev/");

    @Bean
    RefusalCatalogue refusalCatalogue(TargetRefusals targetRefusals) {
        return new RefusalCatalogue(ApiDocumentation.class.getClassLoader(), targetRefusals::reasons);
    }

    @Bean
    OperationCustomizer refusalsOfEachOperation(RefusalCatalogue catalogue) {
        return (operation, handler) -> {
            Set<Reason> reasons = new java.util.LinkedHashSet<>(catalogue.reasons(handler.getMethod()));
            boolean hasBody = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            reasons.add(CommonReason.MALFORMED_REQUEST);
            if (hasBody) {
                reasons.add(CommonReason.UNSUPPORTED_MEDIA_TYPE);
            }
            reasons.add(CommonReason.NOT_ACCEPTABLE);
            reasons.add(CommonReason.INTERNAL_ERROR);
            ProblemResponses.document(operation, reasons);
            return operation;
        };
    }

    /** Adds 401 and 403 to the operations that need a token; the operation customizer cannot see paths. */
    @Bean
    OpenApiCustomizer vocabularyAndProblems() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(ProblemResponses.PROBLEM, ProblemResponses.schema());
            Map<String, Schema> enums = new TreeMap<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (!PUBLIC.contains(path) && PUBLIC_UNDER.stream().noneMatch(path::startsWith)) {
                        ProblemResponses.document(operation,
                                List.of(CommonReason.AUTHENTICATION_REQUIRED, CommonReason.ACCESS_DENIED));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters()
                                .forEach(parameter -> ApiVocabulary.describeParameter(parameter, enums));
                    }
                }));
            }
            if (components.getSchemas() != null) {
                components.getSchemas().forEach((name, schema) -> ApiVocabulary.describeProperties(name, schema, enums));
            }
            enums.forEach(components::addSchemas);
        };
    }
}
