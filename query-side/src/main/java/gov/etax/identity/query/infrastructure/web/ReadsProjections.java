package gov.etax.identity.query.infrastructure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projections (processing groups) an endpoint answers from, on its method or its controller.
 * {@link ReadYourWrites} waits for them to reach a {@code Consistency-Token} (an endpoint without it
 * waits for all of them), and while one of them is being rebuilt the endpoint answers 503
 * {@code PROJECTION_REPLAYING} (admin.ProjectionReplayGuard). A new read endpoint names what it reads here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadsProjections {

    /** The processing groups. */
    String[] value();

    /** The answers stay whole while these projections are rebuilt: no 503 {@code PROJECTION_REPLAYING} for them. */
    boolean wholeWhileReplaying() default false;
}
