package gov.etax.identity.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertion: the code under test refuses with exactly this reason. */
public final class RefusalAssertions {

    private RefusalAssertions() {
    }

    public static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
