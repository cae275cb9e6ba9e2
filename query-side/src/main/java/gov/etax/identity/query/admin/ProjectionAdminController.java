package gov.etax.identity.query.admin;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators (role {@code OPERATOR}): the projections' progress, and their replay from the
 * beginning of the event store.
 */
@RestController
public class ProjectionAdminController {

    private final ProjectionMonitor monitor;

    public ProjectionAdminController(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/admin/projections")
    public List<ProjectionStatus> all() {
        return monitor.statuses();
    }

    @GetMapping("/api/admin/projections/{name}")
    public ProjectionStatus one(@PathVariable String name) {
        return monitor.status(name);
    }

    /** 202: the rebuild has started; follow it at the Location. */
    @ApiResponse(responseCode = "202", description = "The replay started",
            headers = @Header(name = "Location", description = "The projection's status: /api/admin/projections/{name}"))
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        ProjectionStatus status = monitor.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }
}
