package gov.etax.identity.command.person.history;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.person.commands.ClearHistoryRecord;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/me/history/{recordId}/clear}: hide one record from the person's history information (ACC-10). */
@RestController
public class HistoryController {

    private final CommandGateway commands;

    public HistoryController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "HistoryRecordClearing", description = "The answer to clearing a history record")
    public record Result(
            @Schema(description = "The record, as GET /api/me/history on the query side shows it") String recordId,
            @Schema(description = "true when this request hid it; false when it was already hidden") boolean cleared) {
    }

    @Operation(summary = "Hide a record from my history information (ACC-10)",
            description = "Records HistoryRecordCleared; nothing is deleted and auditors still see the record. "
                    + "Any record id of the right form (a UUID) is accepted: a clearing only affects the caller's own view.")
    @PostMapping("/api/me/history/{recordId}/clear")
    public Result clear(@AuthenticationPrincipal Jwt token, @PathVariable String recordId) {
        String id = canonical(recordId);
        boolean cleared = commands.sendAndWait(new ClearHistoryRecord(CurrentPerson.of(token).personId(), id));
        return new Result(id, cleared);
    }

    private static String canonical(String recordId) {
        try {
            UUID uuid = UUID.fromString(recordId);
            if (!uuid.toString().equalsIgnoreCase(recordId)) {
                throw new IllegalArgumentException(recordId);
            }
            return uuid.toString();
        } catch (IllegalArgumentException e) {
            throw CommonReason.INVALID_IDENTIFIER.refusal("A history record id is a UUID.");
        }
    }
}
