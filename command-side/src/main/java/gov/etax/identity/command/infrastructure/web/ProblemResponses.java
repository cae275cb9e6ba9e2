package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.refusal.Reason;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The refusals of the API description: a problem+json response per status, listing each code it can
 * carry with its rule and the bureau's wording (as {@code x-problem-codes}, in the description and
 * as examples), and the one {@code Problem} schema they share.
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** Problem+json responses, one per status, listing each code that status can carry. */
    static void document(Operation operation, Collection<? extends Reason> reasons) {
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

    static Schema<Object> schema() {
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
}
