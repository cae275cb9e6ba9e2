package gov.etax.identity.kernel;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.person.PersonId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    @DisplayName("generated ids carry their type prefix and survive a parse round trip")
    void roundTrip() {
        PersonId person = PersonId.generate();
        EnterpriseId enterprise = EnterpriseId.generate();
        AuthorizationId authorization = AuthorizationId.generate();

        assertThat(person.value()).startsWith("person-");
        assertThat(enterprise.value()).startsWith("enterprise-");
        assertThat(authorization.value()).startsWith("authorization-");
        assertThat(PersonId.parse(person.value())).isEqualTo(person);
        assertThat(EnterpriseId.parse(enterprise.value())).isEqualTo(enterprise);
        assertThat(AuthorizationId.parse(authorization.value())).isEqualTo(authorization);
        assertThat(UUID.fromString(person.value().substring("person-".length()))).isNotNull();
    }

    @Test
    @DisplayName("toString is the bare value, because Axon routes commands by it")
    void toStringIsBareValue() {
        PersonId person = PersonId.parse("person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab");
        assertThat(person.toString()).isEqualTo("person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab");
        assertThat(EnterpriseId.generate().toString()).startsWith("enterprise-");
        assertThat(AuthorizationId.generate().toString()).startsWith("authorization-");
    }

    @Test
    @DisplayName("generated ids differ")
    void unique() {
        assertThat(PersonId.generate()).isNotEqualTo(PersonId.generate());
    }

    @Test
    @DisplayName("an id of one aggregate type is refused as any other type, so ids never collide in the event store")
    void noCollisions() {
        String person = PersonId.generate().value();
        String enterprise = EnterpriseId.generate().value();
        String authorization = AuthorizationId.generate().value();

        assertRefused(() -> EnterpriseId.parse(person), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> AuthorizationId.parse(person), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> PersonId.parse(enterprise), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> AuthorizationId.parse(enterprise), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> PersonId.parse(authorization), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> EnterpriseId.parse(authorization), CommonReason.INVALID_IDENTIFIER);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "garbage", "person-", "person-123", "3f2b8c1e-9d4a-4e7b-8f00-0123456789ab",
            "person-3F2B8C1E-9D4A-4E7B-8F00-0123456789AB", "Person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab",
            " person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab", "person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab-x",
            "person-3f2b8c1e9d4a4e7b8f000123456789ab", "person-person-3f2b8c1e-9d4a-4e7b-8f00-0123456789ab"})
    @DisplayName("garbage, upper case and whitespace are invalid identifiers")
    void garbage(String value) {
        assertRefused(() -> PersonId.parse(value), CommonReason.INVALID_IDENTIFIER);
        assertRefused(() -> new PersonId(value), CommonReason.INVALID_IDENTIFIER);
    }

    @Test
    @DisplayName("the helper checks any prefix it is given")
    void helper() {
        String id = Identifiers.generate("thing");
        assertThat(Identifiers.requireValid("thing", id)).isEqualTo(id);
        assertRefused(() -> Identifiers.requireValid("other", id), CommonReason.INVALID_IDENTIFIER);
    }
}
