package gov.etax.identity.command.person;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.Message;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the aggregate tests of the phones, username and real-name slices. */
final class AggregateExpectations {

    private AggregateExpectations() {
    }

    /** A Refusal with the reason and, if given, one detail (name, value) it must carry. */
    static Matcher<Refusal> refusal(Reason reason, Object... detail) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.reason() == reason
                        && (detail.length == 0 || Objects.equals(refusal.details().get((String) detail[0]), detail[1]));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Refusal " + reason.code() + (detail.length == 0 ? "" : " with " + detail[0] + "=" + detail[1]));
            }
        };
    }

    /** Exactly one event, of the type, kept in {@code captured} for closer checks. */
    static <T> Matcher<List<Message<?>>> onlyEvent(Class<T> type, AtomicReference<T> captured) {
        return payloadsMatching(exactSequenceOf(matches(payload -> {
            if (type.isInstance(payload)) {
                captured.set(type.cast(payload));
                return true;
            }
            return false;
        }), andNoMore()));
    }
}
