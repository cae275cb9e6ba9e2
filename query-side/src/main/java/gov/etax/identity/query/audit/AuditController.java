package gov.etax.identity.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' read-only API (role AUDITOR, see docs/security.md). Every answer is computed from
 * the event store, with personal data opened. The answers stay whole while the "audit" index is
 * rebuilt: the index is used only up to its position, the events above it are scanned.
 */
@RestController
@RequestMapping("/api/audit")
@ReadsProjections(value = AuditIndexProjection.PROCESSING_GROUP, wholeWhileReplaying = true)
public class AuditController {

    public static final String NDJSON = "application/x-ndjson";

    private final AuditTrail trail;
    private final ObjectMapper json;

    public AuditController(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /**
     * The event history, filtered, in global order, as NDJSON (one event per line), written while
     * it is read from the event store.
     */
    @GetMapping("/events")
    public void events(@RequestParam(required = false) String personId, @RequestParam(required = false) String uscc,
                       @RequestParam(required = false) String authorizationId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        Instant start = instant(from);
        Instant end = instant(to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw AuditReason.INVALID_TIME_RANGE.refusal();
        }
        EventFilter filter = new EventFilter(personId == null ? null : PersonId.parse(personId).value(),
                uscc == null ? null : new Uscc(uscc).value(),
                authorizationId == null ? null : AuthorizationId.parse(authorizationId).value(), start, end);
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        int[] written = {0};
        trail.events(filter, line -> {
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
                if (++written[0] % EventStoreReader.PAGE == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the client went away: stop reading
            }
        });
        out.flush();
    }

    /** The whole story of one authorization: every event, opened, in order, with who acted. */
    @GetMapping(value = "/authorizations/{authorizationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode authorization(@PathVariable String authorizationId) {
        String id = AuthorizationId.parse(authorizationId).value();
        return trail.authorization(id).orElseThrow(AuditReason.AUTHORIZATION_NOT_FOUND::refusal);
    }

    /** Who held which role in the enterprise at {@code at} (without {@code at}: every relationship ever asked for). */
    @GetMapping(value = "/enterprises/{uscc}/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode enterpriseRelationships(@PathVariable String uscc, @RequestParam(required = false) String at) {
        String enterprise = new Uscc(uscc).value();
        Instant instant = instant(at);
        ObjectNode answer = json.createObjectNode();
        answer.put("uscc", enterprise);
        return answered(answer, instant, trail.enterpriseRelationships(enterprise, instant));
    }

    /** The same for one person: the relationships the person held at {@code at}. */
    @GetMapping(value = "/persons/{personId}/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode personRelationships(@PathVariable String personId, @RequestParam(required = false) String at) {
        String person = PersonId.parse(personId).value();
        Instant instant = instant(at);
        ObjectNode answer = json.createObjectNode();
        answer.put("personId", person);
        return answered(answer, instant, trail.personRelationships(person, instant));
    }

    private static ObjectNode answered(ObjectNode answer, Instant at, List<ObjectNode> relationships) {
        if (at != null) {
            answer.put("at", at.toString());
        }
        answer.putArray("relationships").addAll(relationships);
        return answer;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw AuditReason.INVALID_INSTANT.refusal();
        }
    }
}
