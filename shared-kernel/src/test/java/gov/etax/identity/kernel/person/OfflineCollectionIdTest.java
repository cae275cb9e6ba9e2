package gov.etax.identity.kernel.person;

import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.refusal.CommonReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OfflineCollectionIdTest {

    @Test
    @DisplayName("REG-3: an offline collection id carries its own prefix, survives a parse round trip and prints bare")
    void roundTrip() {
        OfflineCollectionId id = OfflineCollectionId.generate();
        assertThat(id.value()).startsWith("offline-collection-");
        assertThat(OfflineCollectionId.parse(id.value())).isEqualTo(id);
        assertThat(id.toString()).isEqualTo(id.value());
    }

    @Test
    @DisplayName("REG-3: a collection id and a person id are never taken for each other, so they never collide in the event store")
    void noCollisionWithPersons() {
        assertRefused(() -> OfflineCollectionId.parse(PersonId.generate().value()), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> PersonId.parse(OfflineCollectionId.generate().value()), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> OfflineCollectionId.parse("offline-collection-NOT-A-UUID"), CommonReason.INVALID_IDENTIFIER);
    }
}
