package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.ProvinceCredential;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of province credentials (PWD-6) on H2 in PostgreSQL mode, the
 * database {@code make run} uses; the HTTP tests run the same SQL on PostgreSQL.
 */
class ProvinceCredentialsH2Test {

    private static final ProvinceCode JIANGXI = new ProvinceCode("360000");
    private static final ProvinceCode SHANGHAI = new ProvinceCode("310000");
    private static final PasswordHash FIRST = new PasswordHash("$argon2id$first");
    private static final PasswordHash SECOND = new PasswordHash("$argon2id$second");
    private static final PasswordHash CHANGED = new PasswordHash("$argon2id$changed");

    private static ConfigurableApplicationContext context;
    private static CredentialStore credentials;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void start() {
        context = CommandSideApplication.builder()
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:credentials-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                "--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");
        credentials = context.getBean(CredentialStore.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("PWD-2, PWD-6 on H2: the first province account is in use; choosing another and changing the password keep both rows right")
    void provinceCredentials() {
        PersonId person = PersonId.generate();
        transactions.executeWithoutResult(status -> {
            credentials.storeProvince(person, JIANGXI, FIRST, true);
            credentials.storeProvince(person, SHANGHAI, SECOND, true);
        });
        assertThat(credentials.find(person)).hasValue(new StoredCredential(FIRST, true));
        assertThat(credentials.provinceAccounts(person)).containsExactly(
                new ProvinceCredential(JIANGXI, true, true), new ProvinceCredential(SHANGHAI, true, false));

        transactions.executeWithoutResult(status -> {
            credentials.useProvince(person, SHANGHAI);
            credentials.replace(person, CHANGED);
        });
        assertThat(credentials.find(person)).hasValue(new StoredCredential(CHANGED, false));
        assertThat(credentials.provinceAccounts(person)).containsExactly(
                new ProvinceCredential(JIANGXI, true, false), new ProvinceCredential(SHANGHAI, false, true));

        transactions.executeWithoutResult(status -> credentials.useProvince(person, JIANGXI));
        assertThat(credentials.find(person)).hasValue(new StoredCredential(FIRST, true));
    }

    @Test
    @DisplayName("PWD-3 on H2: a reset of a person without any credential stores one")
    void replaceWithoutCredential() {
        PersonId person = PersonId.generate();
        transactions.executeWithoutResult(status -> credentials.replace(person, CHANGED));
        assertThat(credentials.find(person)).hasValue(new StoredCredential(CHANGED, false));
        assertThat(credentials.provinceAccounts(person)).isEmpty();
    }
}
