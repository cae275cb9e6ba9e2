package gov.etax.identity.query.infrastructure.web;

import java.util.Optional;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** What the endpoint a request goes to declares it reads ({@link ReadsProjections}). */
public record ProjectionsRead(List<String> processingGroups, boolean wholeWhileReplaying) {

    /** The handler's declaration, on its method or else its controller; empty for handlers that declare none. */
    public static Optional<ProjectionsRead> of(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return Optional.empty();
        }
        ReadsProjections reads = method.getMethodAnnotation(ReadsProjections.class);
        if (reads == null) {
            reads = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsProjections.class);
        }
        return Optional.ofNullable(reads).map(r -> new ProjectionsRead(List.of(r.value()), r.wholeWhileReplaying()));
    }
}
