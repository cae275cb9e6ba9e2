package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.ChineseLabels;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * What the OpenAPI description adds to what springdoc reads from the controllers: under every
 * operation the refusals it can answer (problem+json, each code with its rule and Chinese
 * wording, from {@link RefusalCatalogue}); the codes of the enumerations with their Chinese names;
 * the formats of identifiers as patterns with examples.
 */
@Configuration
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Callers need no token for these (docs/security.md); every other operation may answer 401 and 403. */
    private static final Set<String> PUBLIC = Set.of("/api/persons/registrations", "/api/sessions",
            "/api/sms-challenges", "/api/password-resets", "/api/phone-recoveries");
    private static final List<String> PUBLIC_UNDER = List.of("/api/login-tickets", "/api/reference/", "/api/dev/");

    @Bean
    RefusalCatalogue refusalCatalogue() {
        return new RefusalCatalogue(ApiDocumentation.class.getClassLoader());
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
            document(operation, reasons);
            return operation;
        };
    }

    /** Adds 401 and 403 to the operations that need a token; the operation customizer cannot see paths. */
    @Bean
    OpenApiCustomizer vocabularyAndProblems() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(PROBLEM, problemSchema());
            Map<String, Schema> enums = new TreeMap<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (!PUBLIC.contains(path) && PUBLIC_UNDER.stream().noneMatch(path::startsWith)) {
                        document(operation, List.of(CommonReason.AUTHENTICATION_REQUIRED, CommonReason.ACCESS_DENIED));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> describeParameter(parameter, enums));
                    }
                }));
            }
            if (components.getSchemas() != null) {
                components.getSchemas().forEach((name, schema) -> describeProperties(name, schema, enums));
            }
            enums.forEach(components::addSchemas);
        };
    }

    /** Problem+json responses, one per status, listing each code that status can carry. */
    static void document(Operation operation, java.util.Collection<? extends Reason> reasons) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<Integer, List<Reason>> byStatus = new TreeMap<>();
        reasons.forEach(r -> byStatus.computeIfAbsent(r.kind().httpStatus(), s -> new ArrayList<>()).add(r));
        byStatus.forEach((status, list) -> {
            ApiResponse response = responses.get(String.valueOf(status));
            if (response == null || response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
                response = new ApiResponse().content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                responses.addApiResponse(String.valueOf(status), response);
            }
            MediaType media = response.getContent().get(PROBLEM_JSON);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> codes = response.getExtensions() != null
                    && response.getExtensions().get("x-problem-codes") instanceof List<?> known
                    ? (List<Map<String, Object>>) known : new ArrayList<>();
            for (Reason reason : list) {
                if (codes.stream().anyMatch(c -> reason.code().equals(c.get("code")))) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("code", reason.code());
                if (reason.rule() != null) {
                    entry.put("rule", reason.rule());
                }
                entry.put("message", reason.message());
                entry.put("message_zh", reason.messageZh());
                codes.add(entry);
                Map<String, Object> example = new LinkedHashMap<>();
                example.put("status", status);
                example.putAll(entry);
                media.addExamples(reason.code(), new Example().summary(reason.messageZh()).value(example));
            }
            codes.sort(Comparator.comparing(c -> (String) c.get("code")));
            response.addExtension("x-problem-codes", codes);
            StringBuilder description = new StringBuilder("problem+json; `code` is one of:");
            codes.forEach(c -> description.append("\n- `").append(c.get("code")).append('`')
                    .append(c.get("rule") == null ? "" : " (" + c.get("rule") + ")").append(": ").append(c.get("message_zh")));
            response.setDescription(description.toString());
        });
    }

    static Schema<Object> problemSchema() {
        Schema<Object> problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with the stable code clients switch on and the bureau's wording.");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().description("Stable, upper snake case; listed under each response")
                .example("DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION"));
        problem.addProperty("rule", new StringSchema().description("The business rule that refused, when one did")
                .example("REG-3"));
        problem.addProperty("message", new StringSchema().description("English explanation"));
        problem.addProperty("message_zh", new StringSchema().description("The bureau's wording, shown to users")
                .example("请先前往办税服务场所采集实名信息，再通过电子税务局完成自然人用户注册"));
        problem.setRequired(List.of("status", "code", "message", "message_zh"));
        return problem;
    }

    private static void describeParameter(Parameter parameter, Map<String, Schema> enums) {
        if (parameter.getSchema() == null) {
            return;
        }
        if ("reason".equals(parameter.getName())) {
            parameter.setSchema(enumRef(enums, EndReason.class));
        } else {
            format(parameter.getName()).ifPresent(describe -> describe.accept(parameter.getSchema()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void describeProperties(String schemaName, Schema<?> schema, Map<String, Schema> enums) {
        if (schema.getProperties() == null || schemaName.startsWith("Dev") || schemaName.startsWith("StaffToken")) {
            return;
        }
        Map<String, Schema> properties = (Map) schema.getProperties();
        properties.replaceAll((property, value) -> {
            Class<? extends Enum<?>> type = enumOf(property, schemaName);
            if (type != null) {
                if (value.getItems() == null) {
                    return enumRef(enums, type);
                }
                value.setItems(enumRef(enums, type));
                return value;
            }
            format(property).ifPresent(describe -> describe.accept(value));
            return value;
        });
    }

    /** The enumeration a field holds, by its name: the same name means the same thing everywhere in this API. */
    private static Class<? extends Enum<?>> enumOf(String property, String schemaName) {
        return switch (property) {
            case "documentType", "agentDocumentType", "holderDocumentType" -> DocumentType.class;
            case "role" -> RelationshipRole.class;
            case "scopes" -> FunctionSet.class;
            case "taxOfficerIdentity" -> TaxOfficerIdentity.class;
            case "entry" -> LoginEntry.class;
            case "reason" -> "RelationshipEndRequest".equals(schemaName) ? EndReason.class : null;
            default -> null;
        };
    }

    /** A shared enum schema (one class in a generated client), named after the enumeration. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> enumRef(Map<String, Schema> enums, Class<? extends Enum<?>> type) {
        enums.computeIfAbsent(type.getSimpleName(), name -> {
            Schema<String> schema = new StringSchema();
            labelled(schema, type, ENUM_MEANINGS.get(type));
            return schema;
        });
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    private static final Map<Class<?>, String> ENUM_MEANINGS = Map.of(
            DocumentType.class, "Identity document type (REG-3); GET /api/reference/document-types says which register online",
            RelationshipRole.class, "Relationship with the enterprise (ACC-1), also the role of an enterprise session",
            FunctionSet.class, "Function set a grant carries (ACC-5)",
            TaxOfficerIdentity.class, "Main or sub identity of a tax officer",
            LoginEntry.class, "Login entry (LOGIN-1)",
            EndReason.class, "Why a relationship ends");

    /** The format of a field by its name: patterns with examples for identifiers. */
    private static java.util.Optional<Consumer<Schema<?>>> format(String name) {
        Consumer<Schema<?>> describe = switch (name) {
            case "documentNumber", "agentDocumentNumber" -> s -> s.pattern("^[0-9A-Za-z]{5,20}$")
                    .example("11010519491231002X")
                    .description("Identity document number, valid for its type (REG-2): 18 characters for a resident "
                            + "identity card or residence permit (last one a digit or X), H/M and 8 or 10 digits for a "
                            + "Hong Kong/Macao travel permit, 8 or 10 digits for a Taiwan travel permit, E/G and 8 "
                            + "characters for a Chinese passport; 5 to 20 letters and digits for foreign documents");
            case "uscc", "agencyUscc" -> s -> s.pattern("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
                    .example("91330100716105852F")
                    .description("Unified social credit code (统一社会信用代码, GB 32100), 18 characters with a check character");
            case "phone" -> s -> s.pattern("^1[3-9]\\d{9}$").example("13812345678")
                    .description("Mainland China mobile phone number");
            case "competentAuthority" -> s -> s.pattern("^\\d{11}$").example("13301060000")
                    .description("The competent tax office (主管税务机关), an 11-digit tax-office code");
            case "username" -> s -> s.pattern("^[A-Za-z][A-Za-z0-9]{5,19}$").example("zhangsan01")
                    .description("6 to 20 letters or digits, starting with a letter; case-sensitive (LOGIN-7)");
            case "realNameLevel" -> s -> s.description("Real-name level (实名等级): 3 三级实名 (migrated, no face "
                    + "verification, REG-5), 4 四级实名 (face verified, REG-2)")
                    .addExtension("x-enum-descriptions", List.of("三级实名", "四级实名"));
            default -> null;
        };
        return java.util.Optional.ofNullable(describe);
    }

    /** The codes as an enum with their Chinese names, as descriptions and as x-enum-descriptions. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void labelled(Schema schema, Class<? extends Enum<?>> type, String what) {
        Map<String, String> labels = ChineseLabels.of(type);
        if (schema instanceof ArraySchema array && array.getItems() != null) {
            schema = array.getItems();
        }
        if (!"string".equals(schema.getType()) && schema.getType() != null) {
            return;
        }
        schema.setEnum(new ArrayList<>(labels.keySet()));
        schema.addExtension("x-enum-descriptions", new ArrayList<>(labels.values()));
        StringBuilder description = new StringBuilder(what).append(':');
        labels.forEach((code, label) -> description.append("\n- `").append(code).append("`: ").append(label));
        schema.setDescription(description.toString());
    }
}
