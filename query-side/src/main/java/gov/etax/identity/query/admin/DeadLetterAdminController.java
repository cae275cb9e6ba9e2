package gov.etax.identity.query.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operators (role {@code OPERATOR}): the events a projection could not handle, and their retry. */
@RestController
public class DeadLetterAdminController {

    private final ProjectionDeadLetters deadLetters;

    public DeadLetterAdminController(ProjectionDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/projections/{name}/dead-letters")
    public ProjectionDeadLetters.DeadLetterList list(@PathVariable String name) {
        return deadLetters.list(name);
    }

    /** 200 with what was handled and what is still failing; a retry of an empty queue does nothing. */
    @PostMapping("/api/admin/projections/{name}/dead-letters/retry")
    public ProjectionDeadLetters.RetryOutcome retry(@PathVariable String name) {
        return deadLetters.retry(name);
    }
}
