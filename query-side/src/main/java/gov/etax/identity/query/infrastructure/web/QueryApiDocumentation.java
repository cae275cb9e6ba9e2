package gov.etax.identity.query.infrastructure.web;

import gov.etax.identity.kernel.ChineseLabels;
import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The query side's additions to its OpenAPI description: the problem+json answers of every
 * operation with the codes it can carry (the refusals of the controller's own area, and the common
 * ones), and the Chinese names of the codes in its read models.
 */
@Configuration
public class QueryApiDocumentation {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OperationCustomizer queryRefusals() throws IOException {
        Map<String, List<Reason>> byPackage = reasonsByPackage();
        List<Reason> common = Arrays.stream(CommonReason.values())
                .filter(r -> r.kind() == Kind.INVALID_INPUT || r.kind() == Kind.UNAUTHENTICATED
                        || r.kind() == Kind.FORBIDDEN || r.kind() == Kind.NOT_FOUND || r.kind() == Kind.NOT_ACCEPTABLE
                        || r.kind() == Kind.INTERNAL)
                .collect(Collectors.toList());
        return (operation, handler) -> {
            List<Reason> reasons = new ArrayList<>(byPackage.getOrDefault(
                    handler.getBeanType().getPackageName(), List.of()));
            if (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(parameter -> "cursor".equals(parameter.getName()))) {
                reasons.addAll(List.of(PagingReason.values()));
            }
            reasons.addAll(common);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            Map<Integer, List<Reason>> byStatus = new TreeMap<>(reasons.stream()
                    .collect(Collectors.groupingBy(r -> r.kind().httpStatus())));
            byStatus.forEach((status, list) -> {
                StringBuilder description = new StringBuilder("problem+json; `code` is one of:");
                List<Map<String, String>> codes = new ArrayList<>();
                for (Reason reason : list) {
                    description.append("\n- `").append(reason.code()).append('`')
                            .append(reason.rule() == null ? "" : " (" + reason.rule() + ")")
                            .append(": ").append(reason.messageZh());
                    Map<String, String> code = new java.util.LinkedHashMap<>();
                    code.put("code", reason.code());
                    code.put("message_zh", reason.messageZh());
                    codes.add(code);
                }
                ApiResponse response = new ApiResponse().description(description.toString())
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
                response.addExtension("x-problem-codes", codes);
                responses.addApiResponse(String.valueOf(status), response);
            });
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer queryVocabulary() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            Schema<Object> problem = new ObjectSchema();
            problem.description("RFC 9457 problem details with a stable code and the bureau's wording (message_zh).");
            for (String field : List.of("type", "title", "detail", "instance", "code", "rule", "message", "message_zh")) {
                problem.addProperty(field, new StringSchema());
            }
            problem.addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema());
            problem.setRequired(List.of("status", "code", "message", "message_zh"));
            components.addSchemas("Problem", problem);
            if (components.getSchemas() == null) {
                return;
            }
            Map<String, Class<? extends Enum<?>>> labelled = Map.of("role", RelationshipRole.class,
                    "scopes", FunctionSet.class, "taxOfficerIdentity", TaxOfficerIdentity.class,
                    "documentType", DocumentType.class, "holderDocumentType", DocumentType.class,
                    "status", AuthorizationStatus.class);
            Map<String, Schema> enums = new TreeMap<>();
            components.getSchemas().forEach((name, schema) -> describeProperties(name, schema, labelled, enums));
            enums.forEach(components::addSchemas);
        };
    }

    /** Codes become shared enum schemas named after their enumeration: one enum class in a generated client. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void describeProperties(String name, Schema<?> schema, Map<String, Class<? extends Enum<?>>> labelled,
                                           Map<String, Schema> enums) {
        if (schema.getProperties() == null || "Problem".equals(name) || name.startsWith("Projection")
                || name.startsWith("Segment")) {
            return;
        }
        Map<String, Schema> properties = (Map) schema.getProperties();
        properties.replaceAll((property, value) -> {
            Class<? extends Enum<?>> type = labelled.get(property);
            if (type == null) {
                if ("realNameLevel".equals(property)) {
                    value.description("Real-name level (实名等级): 3 三级实名 (migrated, REG-5), 4 四级实名 (face verified, REG-2)");
                }
                return value;
            }
            enums.computeIfAbsent(type.getSimpleName(), k -> {
                Schema<String> codes = new StringSchema();
                describe(codes, type);
                return codes;
            });
            Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
            if (value.getItems() == null) {
                return ref;
            }
            value.setItems(ref);
            return value;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void describe(Schema schema, Class<? extends Enum<?>> type) {
        Map<String, String> labels = ChineseLabels.of(type);
        schema.setEnum(new ArrayList<>(labels.keySet()));
        schema.addExtension("x-enum-descriptions", new ArrayList<>(labels.values()));
        schema.setDescription(labels.entrySet().stream().map(e -> "`" + e.getKey() + "`: " + e.getValue())
                .collect(Collectors.joining("; ")));
    }

    /** The refusal enums of each area (package) of the query side. */
    private static Map<String, List<Reason>> reasonsByPackage() throws IOException {
        Map<String, List<Reason>> byPackage = new HashMap<>();
        ClassLoader loader = QueryApiDocumentation.class.getClassLoader();
        for (Resource resource : new PathMatchingResourcePatternResolver(loader)
                .getResources("classpath*:gov/etax/identity/query/**/*Reason.class")) {
            String path = resource.getURL().toString();
            String name = path.substring(path.indexOf("gov/etax/identity/query/"), path.length() - ".class".length())
                    .replace('/', '.');
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isEnum() && Reason.class.isAssignableFrom(type)) {
                    byPackage.computeIfAbsent(type.getPackageName(), k -> new ArrayList<>())
                            .addAll(Arrays.asList((Reason[]) type.getEnumConstants()));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return byPackage;
    }
}
