package gov.etax.identity.command.infrastructure.config;

import gov.etax.identity.kernel.security.SessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acted, in every command's metadata and, through Axon's correlation data, in every event the
 * command causes: the auditors' answer to "who did this, in which role and session, from where".
 *
 * <p>A dispatch interceptor on the command bus reads the caller's token when the command is sent
 * (on the request's thread) and adds the keys below unless the message already carries them: a
 * retry on another thread (ConflictRetryScheduler) and a nested command (a change of legal
 * representative) keep the actor of the command that started it. A correlation data provider then
 * copies the keys, with Axon's own {@code traceId} and {@code correlationId} (the id of the causing
 * message), into the metadata of every event applied while handling the command.
 *
 * <p>Only identifiers go here, never personal data in clear: person ids are pseudonymous (the same
 * ids the events already carry), staff ids are the bureau's staff subjects.
 */
@Configuration
public class ActorMetadata {

    /** {@code PERSON}, {@code STAFF}, {@code ANONYMOUS} (registration, login) or {@code SYSTEM} (scheduled work). */
    public static final String ACTOR_TYPE = "actorType";
    /** Person id ({@code person-<uuid>}) or the staff token's subject. */
    public static final String ACTOR_ID = "actorId";
    /** The session ({@code sid}) of a person token. */
    public static final String SESSION_ID = "sessionId";
    /** Login entry of the session: NATURAL_PERSON, ENTERPRISE, AGENT, SPECIAL_SUBJECT. */
    public static final String ENTRY = "entry";
    /** The USCC an enterprise or agent session acts for. */
    public static final String ACTING_FOR_ENTERPRISE = "actingForEnterprise";
    /** The role the person acts in for that enterprise. */
    public static final String ACTING_ROLE = "actingRole";
    /** TAX_STAFF, AUDITOR or OPERATOR for staff tokens. */
    public static final String STAFF_ROLE = "staffRole";
    /** {@code web} for HTTP callers (or the {@value #CHANNEL_HEADER} header's value), {@code system} without a request. */
    public static final String CHANNEL = "channel";
    public static final String CHANNEL_HEADER = "X-Etax-Channel";

    static final List<String> KEYS = List.of(ACTOR_TYPE, ACTOR_ID, SESSION_ID, ENTRY, ACTING_FOR_ENTERPRISE, ACTING_ROLE,
            STAFF_ROLE, CHANNEL);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    /**
     * Axon's {@code MessageOriginProvider} backs off when any provider bean exists, so this one
     * includes it: events keep {@code traceId} and {@code correlationId}, and gain the actor.
     */
    @Bean
    public CorrelationDataProvider actorCorrelationData() {
        MessageOriginProvider origin = new MessageOriginProvider();
        return message -> {
            Map<String, Object> data = new HashMap<>(origin.correlationDataFor(message));
            for (String key : KEYS) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
            return data;
        };
    }

    @Bean
    SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new ActorInterceptor());
    }

    /**
     * A deadline (an authorization's end of validity) runs later, on whichever node, with nobody's
     * request behind it: its events are the system's, whoever's command scheduled it. The correlation
     * interceptor copies that, with the trace, into the events applied while it runs, as for commands.
     */
    @Bean
    SmartInitializingSingleton systemOnEveryDeadline(DeadlineManager deadlines, org.axonframework.config.Configuration axon) {
        return () -> {
            MessageDispatchInterceptor<DeadlineMessage<?>> system = messages -> (index, deadline) ->
                    deadline.withMetaData(Map.of(ACTOR_TYPE, "SYSTEM", CHANNEL, "system"));
            deadlines.registerDispatchInterceptor(system);
            deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        };
    }

    /** Adds the actor of the current thread's caller to commands that carry none yet. */
    static final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.getMetaData().containsKey(ACTOR_TYPE) ? command
                    : command.andMetaData(currentActor());
        }
    }

    static Map<String, Object> currentActor() {
        Map<String, Object> actor = new HashMap<>();
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        String channel = request == null ? null : request.getHeader(CHANNEL_HEADER);
        actor.put(CHANNEL, request == null ? "system" : channel != null && CHANNEL_NAME.matcher(channel).matches() ? channel : "web");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            actor.put(ACTOR_ID, jwt.getSubject());
            if (SessionTokens.ISSUER.equals(jwt.getClaimAsString("iss"))) {
                actor.put(ACTOR_TYPE, "PERSON");
                putIfPresent(actor, SESSION_ID, jwt.getClaimAsString(SessionTokens.SESSION_ID));
                putIfPresent(actor, ENTRY, jwt.getClaimAsString(SessionTokens.ENTRY));
                putIfPresent(actor, ACTING_FOR_ENTERPRISE, jwt.getClaimAsString(SessionTokens.ENTERPRISE));
                putIfPresent(actor, ACTING_ROLE, jwt.getClaimAsString(SessionTokens.ENTERPRISE_ROLE));
            } else {
                actor.put(ACTOR_TYPE, "STAFF");
                putIfPresent(actor, STAFF_ROLE, jwt.getClaimAsString(SessionTokens.STAFF_ROLE));
            }
        } else {
            actor.put(ACTOR_TYPE, request == null ? "SYSTEM" : "ANONYMOUS");
        }
        return actor;
    }

    private static void putIfPresent(Map<String, Object> actor, String key, String value) {
        if (value != null) {
            actor.put(key, value);
        }
    }
}
