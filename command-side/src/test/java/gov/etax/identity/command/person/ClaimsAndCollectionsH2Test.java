package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.offline.OfflineCollectionRecords;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SQL of phone and username claims and of offline collections also runs on H2 (PostgreSQL mode), used by `make run`. */
class ClaimsAndCollectionsH2Test {

    private static ConfigurableApplicationContext context;
    private static IdentityClaims claims;
    private static PersonDirectory directory;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void start() {
        context = CommandSideApplication.builder().run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:claims-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");
        claims = context.getBean(IdentityClaims.class);
        directory = context.getBean(PersonDirectory.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    @Test
    @DisplayName("LOGIN-2: claim, re-claim by the holder, refusal for another person and release of a phone on H2")
    void phoneClaims() {
        PersonId holder = PersonId.generate();
        PersonId other = PersonId.generate();
        MobilePhone phone = new MobilePhone("13600000001");

        assertThat(inTransaction(() -> claims.claimPhone(holder, phone))).isTrue();
        assertThat(inTransaction(() -> claims.claimPhone(holder, phone))).isFalse();
        assertThatThrownBy(() -> inTransaction(() -> claims.claimPhone(other, phone)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(PersonReason.PHONE_ALREADY_BOUND));
        assertThat(directory.phoneCountOf(holder)).isEqualTo(1);

        assertThat(inTransaction(() -> claims.releasePhone(other, phone))).isFalse();
        assertThat(inTransaction(() -> claims.releasePhone(holder, phone))).isTrue();
        assertThat(directory.withPhone(phone)).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-7: a new username is claimed and the previous one released on H2")
    void usernameClaims() {
        PersonId person = PersonId.generate();
        Username old = new Username("OldName2024");
        Username wanted = new Username("NewName2025");

        assertThat(inTransaction(() -> claims.claimUsername(person, old))).isTrue();
        assertThat(inTransaction(() -> {
            boolean claimed = claims.claimUsername(person, wanted);
            claims.releaseUsernamesOtherThan(person, wanted);
            return claimed;
        })).isTrue();
        assertThat(directory.withUsername(old)).isEmpty();
        assertThat(directory.withUsername(wanted)).contains(person);
    }

    @Test
    @DisplayName("REG-3: an offline collection puts its document on record, and a second one moves the row, on H2")
    void offlineCollections() {
        OfflineCollectionRecords records = context.getBean(OfflineCollectionRecords.class);
        DocumentNumber permit = new DocumentNumber(DocumentType.FOREIGNER_WORK_PERMIT_A, "A1234567");
        OfflineCollectionId first = OfflineCollectionId.generate();
        OfflineCollectionId second = OfflineCollectionId.generate();

        inTransaction(() -> {
            records.putOnRecord(first, permit, new PersonName("John Smith"), "hall 1", "staff-1", Instant.parse("2025-01-01T00:00:00Z"));
            return context.getBean(gov.etax.identity.command.privacy.PersonalDataVault.class).sealerFor(first.value()).seal("A1234567");
        });
        inTransaction(() -> {
            records.putOnRecord(second, permit, new PersonName("John Smith"), "hall 2", "staff-2", Instant.parse("2025-01-02T00:00:00Z"));
            return null;
        });

        assertThat(context.getBean(OfflineCollections.class).isOnRecord(permit)).isTrue();
        assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT collection_id || '|' || hall || '|' || collected_by FROM offline_collection", String.class))
                .isEqualTo(second.value() + "|hall 2|staff-2");
    }
}
