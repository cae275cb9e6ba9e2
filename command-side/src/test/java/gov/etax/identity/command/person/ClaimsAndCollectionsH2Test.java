package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.command.person.offline.OfflineCollectionRecords;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity claims following the person events, and offline collections, on H2 (PostgreSQL
 * mode), used by `make run`.
 */
class ClaimsAndCollectionsH2Test {

    private static ConfigurableApplicationContext context;
    private static IdentityClaims claims;
    private static PersonDirectory directory;
    private static PersonalDataVault vault;
    private static LookupHash lookupHash;
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
        vault = context.getBean(PersonalDataVault.class);
        lookupHash = context.getBean(LookupHash.class);
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

    /** As the command's unit of work does: the event goes to the subscribing look-up handlers. */
    private static Object handle(Object event) {
        context.getBean(EventBus.class).publish(GenericEventMessage.asEventMessage(event));
        return null;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static String digits(int count) {
        return String.valueOf(ThreadLocalRandom.current().nextLong((long) Math.pow(10, count - 1), (long) Math.pow(10, count)));
    }

    @Test
    @DisplayName("REG-2, LOGIN-2, LOGIN-7: a registration claims its document, phone and username on H2, opened from the event and hashed")
    void registrationClaims() {
        PersonId person = PersonId.generate();
        DocumentNumber document = new DocumentNumber(DocumentType.CHINESE_PASSPORT, "E" + digits(8));
        MobilePhone phone = new MobilePhone("136" + digits(8));
        Username username = new Username("Reg" + digits(8));
        PersonalDataVault.Sealer sealer = vault.sealerFor(person);

        inTransaction(() -> handle(new NaturalPersonRegistered(person, document.type(), sealer.seal(document.value()),
                sealer.seal("王小明"), sealer.seal(phone.value()), sealer.seal(username.value()), RealNameLevel.LEVEL_4,
                "face-1")));

        assertThat(claims.documentHolder(lookupHash.of(document))).contains(person);
        assertThat(claims.phoneHolder(lookupHash.of(phone))).contains(person);
        assertThat(claims.usernameHolder(lookupHash.of(username))).contains(person);
        assertThat(directory.withDocument(document)).contains(person);
    }

    @Test
    @DisplayName("REG-5, LOGIN-2: a migration claims its document and the phones its event bound, on H2")
    void migrationClaims() {
        PersonId person = PersonId.generate();
        DocumentNumber document = new DocumentNumber(DocumentType.CHINESE_PASSPORT, "E" + digits(8));
        MobilePhone first = new MobilePhone("136" + digits(8));
        MobilePhone second = new MobilePhone("136" + digits(8));
        PersonalDataVault.Sealer sealer = vault.sealerFor(person);

        inTransaction(() -> handle(new NaturalPersonMigrated(person, new ProvinceCode("360000"), document.type(),
                sealer.seal(document.value()), sealer.seal("李存量"),
                List.of(sealer.seal(first.value()), sealer.seal(second.value())), 1, 0, RealNameLevel.LEVEL_3,
                "staff-1")));

        assertThat(directory.withDocument(document)).contains(person);
        assertThat(directory.phoneCountOf(person)).isEqualTo(2);
    }

    @Test
    @DisplayName("LOGIN-2: a bound phone is claimed; a second claim fails on the key (a lost race); only the holder's unbinding releases it, on H2")
    void phoneClaims() {
        PersonId holder = PersonId.generate();
        PersonId other = PersonId.generate();
        MobilePhone phone = new MobilePhone("136" + digits(8));

        inTransaction(() -> handle(new PhoneBound(holder, vault.sealerFor(holder).seal(phone.value()),
                PhoneBound.How.ACCOUNT_CENTER, null)));
        assertThat(claims.phoneHolder(lookupHash.of(phone))).contains(holder);
        assertThatThrownBy(() -> inTransaction(() -> handle(new PhoneBound(other,
                vault.sealerFor(other).seal(phone.value()), PhoneBound.How.ACCOUNT_CENTER, null))))
                .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(DuplicateKeyException.class));
        assertThat(directory.phoneCountOf(holder)).isEqualTo(1);

        inTransaction(() -> handle(new PhoneUnbound(other, vault.sealerFor(other).seal(phone.value()),
                PhoneUnbound.Cause.BY_PERSON)));
        assertThat(directory.withPhone(phone)).contains(holder);
        inTransaction(() -> handle(new PhoneUnbound(holder, vault.sealerFor(holder).seal(phone.value()),
                PhoneUnbound.Cause.BY_PERSON)));
        assertThat(directory.withPhone(phone)).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-7: a new username is claimed and the previous one released on H2")
    void usernameClaims() {
        PersonId person = PersonId.generate();
        Username old = new Username("Old" + digits(8));
        Username wanted = new Username("New" + digits(8));
        PersonalDataVault.Sealer sealer = vault.sealerFor(person);

        inTransaction(() -> handle(new UsernameChanged(person, sealer.seal(old.value()), false)));
        inTransaction(() -> handle(new UsernameChanged(person, sealer.seal(wanted.value()), true)));

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
        assertThat(context.getBean(OfflineCollections.class)
                .isOnRecord(new DocumentNumber(DocumentType.FOREIGNER_WORK_PERMIT_A, "A7654321")))
                .as("a collection of another document does not count").isFalse();
        assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT collection_id || '|' || hall || '|' || collected_by FROM offline_collection", String.class))
                .isEqualTo(second.value() + "|hall 2|staff-2");
    }
}
