package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.ChineseLabels;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The vocabulary of the API description: the codes of the enumerations (one shared schema each,
 * with their Chinese names) and the formats of identifiers as patterns with examples, both found by
 * the name of the field or parameter.
 */
final class ApiVocabulary {

    private ApiVocabulary() {
    }

    static void describeParameter(Parameter parameter, Map<String, Schema> enums) {
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
    static void describeProperties(String schemaName, Schema<?> schema, Map<String, Schema> enums) {
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
    private static Optional<Consumer<Schema<?>>> format(String name) {
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
        return Optional.ofNullable(describe);
    }

    /** The codes as an enum with their Chinese names, as descriptions and as x-enum-descriptions. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void labelled(Schema schema, Class<? extends Enum<?>> type, String what) {
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
