package gov.etax.identity.command.person.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.IdentifierSealing;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.unified.UnifiedReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.commands.AddProvinceAccount;
import gov.etax.identity.kernel.person.commands.MigrateNaturalPerson;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Imports existing persons from a province's data (REG-5, PWD-2, LOGIN-3, PWD-6). Each row is its
 * own command and transaction, so one bad or duplicate row is reported and skipped while the
 * others are imported; running the same import again imports nothing twice.
 */
@Service
public class PersonImportService {

    public static final int MAX_ROWS = 100;

    private final PersonDirectory directory;
    private final IdentifierSealing sealing;
    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;

    public PersonImportService(PersonDirectory directory, IdentifierSealing sealing, CredentialStore credentials,
                               PasswordEncoder passwordEncoder, CommandGateway commandGateway) {
        this.directory = directory;
        this.sealing = sealing;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
    }

    /**
     * One existing person as the province's system holds them.
     *
     * @param passwordOnRecord false for a person the system holds no password for (migrated from the
     *                         IIT system): none is stored, and they set one after a scan login
     *                         through the IIT app (PWD-4); absent means true (PWD-2)
     */
    @Schema(name = "PersonImportRow")
    public record Row(String documentType, String documentNumber, String name, List<String> phones, String province,
                      @Schema(description = "false: the province's system holds no password for the person (PWD-4); "
                              + "absent means true, with the initial password of PWD-2")
                      Boolean passwordOnRecord) {
    }

    @Schema(name = "PersonImportOutcome")
    public enum RowResult {
        /** a new natural person at real-name level 3 */
        IMPORTED,
        /** the person existed from another province's import; this province's account was added (PWD-6) */
        PROVINCE_ACCOUNT_ADDED,
        /** nothing stored for the row; {@code code} says why */
        SKIPPED
    }

    /**
     * @param row 1-based position in the request
     * @param phonesClearedAsShared phones not bound because the import lists them for several persons (LOGIN-3)
     * @param phonesBoundToOthers phones not bound because another person already holds them (LOGIN-2)
     */
    @Schema(name = "PersonImportRowOutcome")
    public record ImportedRow(int row, RowResult outcome, String documentMasked, String province, String personId,
                             Integer phonesBound, Integer phonesClearedAsShared, Integer phonesBoundToOthers,
                             String code, String rule, String message,
                             @JsonProperty("message_zh") String messageZh) {

        static ImportedRow skipped(int row, String documentMasked, String province, Refusal refusal) {
            return new ImportedRow(row, RowResult.SKIPPED, documentMasked, province, null, null, null, null,
                    refusal.reason().code(), refusal.reason().rule(), refusal.detail(), refusal.reason().messageZh());
        }
    }

    @Schema(name = "PersonImportReport")
    public record Report(int imported, int provinceAccountsAdded, int skipped, List<ImportedRow> rows) {
    }

    public Report importPersons(List<Row> rows, String importedBy) {
        if (rows == null || rows.isEmpty()) {
            throw MigrationReason.IMPORT_EMPTY.refusal();
        }
        if (rows.size() > MAX_ROWS) {
            throw MigrationReason.IMPORT_TOO_LARGE.refusal();
        }
        List<ImportedRow> results = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                parsed.add(Parsed.of(i + 1, row));
            } catch (Refusal refusal) {
                results.add(ImportedRow.skipped(i + 1, maskedDocument(row), row == null ? null : row.province(), refusal));
            }
        }
        Set<MobilePhone> shared = SharedPhones.among(parsed.stream()
                .map(p -> new SharedPhones.Listed(p.document(), p.phones())).toList());
        for (Parsed row : parsed) {
            results.add(importRow(row, shared, importedBy));
        }
        results.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new Report(count(results, RowResult.IMPORTED), count(results, RowResult.PROVINCE_ACCOUNT_ADDED),
                count(results, RowResult.SKIPPED), results);
    }

    private ImportedRow importRow(Parsed row, Set<MobilePhone> shared, String importedBy) {
        String masked = row.document().masked();
        String province = row.province().value();
        try {
            Optional<PersonId> existing = directory.withDocument(row.document());
            if (existing.isPresent()) {
                return addProvinceAccount(row, existing.get(), importedBy);
            }
            List<MobilePhone> toBind = row.phones().stream().filter(phone -> !shared.contains(phone)).toList();
            PersonId personId = PersonId.generate();
            IdentifierSealing.Sealed sealed = sealing.forPerson(personId);
            commandGateway.sendAndWait(new MigrateNaturalPerson(personId, row.province(), row.document().type(),
                    sealed.document(row.document()), sealed.name(row.name()), toBind.stream().map(sealed::phone).toList(),
                    row.phones().size() - toBind.size(),
                    row.passwordOnRecord() ? initialPasswordHash(row.document()) : null, importedBy));
            int bound = (int) toBind.stream()
                    .filter(phone -> directory.withPhone(phone).filter(personId::equals).isPresent()).count();
            return new ImportedRow(row.index(), RowResult.IMPORTED, masked, province, personId.value(), bound,
                    row.phones().size() - toBind.size(), toBind.size() - bound, null, null, null, null);
        } catch (RuntimeException failure) {
            return ImportedRow.skipped(row.index(), masked, province, refusalIn(failure));
        }
    }

    private ImportedRow addProvinceAccount(Parsed row, PersonId person, String importedBy) {
        List<CredentialStore.ProvinceCredential> accounts = credentials.provinceAccounts(person);
        // Answered before the slow hash; the aggregate checks the same again.
        if (accounts.isEmpty()) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal(
                    "The person registered online; an import adds no province account to them.");
        }
        if (accounts.stream().anyMatch(account -> account.province().equals(row.province()))) {
            throw UnifiedReason.PROVINCE_ACCOUNT_EXISTS.refusal();
        }
        commandGateway.sendAndWait(new AddProvinceAccount(person, row.province(), initialPasswordHash(row.document()),
                importedBy));
        return new ImportedRow(row.index(), RowResult.PROVINCE_ACCOUNT_ADDED, row.document().masked(),
                row.province().value(), person.value(), null, null, null, null, null, null, null);
    }

    private PasswordHash initialPasswordHash(DocumentNumber document) {
        return new PasswordHash(passwordEncoder.encode(InitialPassword.of(document)));
    }

    /** Axon may hand a refusal over wrapped; anything that is not a refusal fails the request. */
    private static Refusal refusalIn(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        throw failure;
    }

    private static String maskedDocument(Row row) {
        if (row == null || row.documentNumber() == null) {
            return null;
        }
        return Masking.documentNumber(row.documentNumber().strip());
    }

    private static int count(List<ImportedRow> rows, RowResult outcome) {
        return (int) rows.stream().filter(o -> o.outcome() == outcome).count();
    }

    /** A row whose values are all valid; phones without repeats. */
    private record Parsed(int index, DocumentNumber document, PersonName name, List<MobilePhone> phones,
                          ProvinceCode province, boolean passwordOnRecord) {

        static Parsed of(int index, Row row) {
            if (row == null) {
                throw CommonReason.MISSING_FIELD.refusal("The row is empty.");
            }
            DocumentNumber document = new DocumentNumber(DocumentType.parse(row.documentType()), row.documentNumber());
            PersonName name = new PersonName(row.name());
            ProvinceCode province = new ProvinceCode(row.province());
            Set<MobilePhone> phones = new LinkedHashSet<>();
            if (row.phones() != null) {
                row.phones().forEach(phone -> phones.add(new MobilePhone(phone)));
            }
            return new Parsed(index, document, name, List.copyOf(phones), province,
                    !Boolean.FALSE.equals(row.passwordOnRecord()));
        }
    }
}
