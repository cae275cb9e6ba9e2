package gov.etax.identity.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The data keys kept unwrapped across batches never outlive the key in the table: each batch reads the
 * wrapped key again, and only what it reads is opened.
 */
class PersonalDataReaderTest {

    private static final String SUBJECT = "person-00000000-0000-4000-8000-000000000001";

    private final SecretKey masterKey = AesGcm.newKey();
    private PostgresTestDatabase database;
    private JdbcTemplate jdbc;
    private PersonalDataReader reader;

    /** The key table as the command side's migration makes it, on the engine of this run. */
    @BeforeEach
    void keyTable() {
        database = PostgresTestDatabase.create();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), ""));
        jdbc.execute("CREATE TABLE personal_data_key (subject_id VARCHAR(64) PRIMARY KEY, wrapped_key BYTEA NOT NULL)");
        reader = new PersonalDataReader(jdbc,
                new PersonalDataReader.Keys(Base64.getEncoder().encodeToString(masterKey.getEncoded())));
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    @DisplayName("REG-2: a key deleted after it was unwrapped opens nothing more (crypto-shredding)")
    void deletedKeyIsNotOpenedFromTheKeptKeys() {
        SecretKey dataKey = store(SUBJECT);
        EncryptedText sealed = AesGcm.seal(dataKey, "王小明", SUBJECT);
        assertThat(reader.forSubject(SUBJECT).orElseThrow().open(sealed)).isEqualTo("王小明");

        jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ?", SUBJECT);

        assertThat(reader.forSubject(SUBJECT)).isEmpty();
    }

    @Test
    @DisplayName("A subject's key replaced in the table is the one used, not the one kept from before")
    void replacedKeyIsUnwrappedAgain() {
        store(SUBJECT);
        reader.forSubject(SUBJECT).orElseThrow();
        jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ?", SUBJECT);
        SecretKey replacement = store(SUBJECT);

        EncryptedText sealed = AesGcm.seal(replacement, "110101199003070011", SUBJECT);
        assertThat(reader.forSubject(SUBJECT).orElseThrow().open(sealed)).isEqualTo("110101199003070011");
    }

    private SecretKey store(String subject) {
        SecretKey dataKey = AesGcm.newKey();
        jdbc.update("INSERT INTO personal_data_key (subject_id, wrapped_key) VALUES (?, ?)", subject,
                AesGcm.wrap(masterKey, dataKey, subject));
        return dataKey;
    }
}
