package gov.etax.identity.command.person.migration;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule objects of the import: the initial password (PWD-2) and shared phones (LOGIN-3). */
class MigrationRulesTest {

    private static final DocumentNumber A = new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, "11010519491231002x");
    private static final DocumentNumber B = new DocumentNumber(DocumentType.CHINESE_PASSPORT, "E12345678");
    private static final DocumentNumber C = new DocumentNumber(DocumentType.FOREIGN_PASSPORT, "X1234");
    private static final MobilePhone ONE = new MobilePhone("13812345678");
    private static final MobilePhone TWO = new MobilePhone("13912345678");
    private static final MobilePhone THREE = new MobilePhone("13712345678");

    @Test
    @DisplayName("PWD-2: the initial password is the last 6 characters of the normalised document number")
    void initialPassword() {
        assertThat(InitialPassword.of(A)).isEqualTo("31002X");
        assertThat(InitialPassword.of(B)).isEqualTo("345678");
        assertThat(InitialPassword.of(C)).isEqualTo("X1234");
    }

    @Test
    @DisplayName("LOGIN-3: a phone listed for two persons is shared; one listed twice for the same person is not")
    void sharedPhones() {
        assertThat(SharedPhones.among(List.of(
                new SharedPhones.Listed(A, List.of(ONE, TWO)),
                new SharedPhones.Listed(B, List.of(TWO)),
                new SharedPhones.Listed(C, List.of(THREE)),
                new SharedPhones.Listed(C, List.of(THREE, new MobilePhone("+86 137-1234-5678"))))))
                .containsExactly(TWO);
    }

    @Test
    @DisplayName("LOGIN-3: the same phone written differently is the same phone")
    void normalisedPhones() {
        assertThat(SharedPhones.among(List.of(
                new SharedPhones.Listed(A, List.of(new MobilePhone("138 1234 5678"))),
                new SharedPhones.Listed(B, List.of(new MobilePhone("0086-13812345678"))))))
                .containsExactly(ONE);
    }
}
