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

    /**
     * 202: a rebuild of every projection has started, reading the event store once for all of them; follow it
     * at the Location. 409 {@code PROJECTION_REBUILD_RUNNING} while a rebuild runs.
     */
    @ApiResponse(responseCode = "202", description = "The rebuild of every projection started",
            headers = @Header(name = "Location", description = "The projections' status: /api/admin/projections"))
    @PostMapping("/api/admin/projections/replay")
    public ResponseEntity<List<ProjectionStatus>> replayAll() {
        List<ProjectionStatus> statuses = monitor.replayAll();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(statuses);
    }

    /**
     * 202: the rebuild has started; follow it at the Location. On PostgreSQL the projection is rebuilt beside
     * its tables, together with those sharing a table with it, and keeps answering; 409
     * {@code PROJECTION_REBUILD_RUNNING} while a rebuild runs. On H2 it is replayed in place.
     */
    @ApiResponse(responseCode = "202", description = "The replay started",
            headers = @Header(name = "Location", description = "The projection's status: /api/admin/projections/{name}"))
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        ProjectionStatus status = monitor.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }
}
