package gov.etax.identity.kernel.refusal;

/**
 * The problem+json body of a refusal, written without a JSON library: for the places that answer
 * before any framework is there to do it (the web container's own error report, the request
 * firewall).
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    public static String of(Reason reason, String instance) {
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\"");
        member(json, "title", reason.message());
        json.append(",\"status\":").append(reason.kind().httpStatus());
        member(json, "detail", reason.message());
        member(json, "instance", instance);
        member(json, "code", reason.code());
        member(json, "message", reason.message());
        member(json, "message_zh", reason.messageZh());
        member(json, "rule", reason.rule());
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        json.append(",\"").append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
