package gov.etax.identity.query.account;

import gov.etax.identity.kernel.person.queries.PersonAccountView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One row per registered person, as the account center shows it; read here, written by {@link PersonAccountWrites}. */
@Entity
@Table(name = "person_account")
public class PersonAccount {

    @Id
    @Column(name = "person_id")
    private String personId;

    @Column(name = "document_type", nullable = false)
    private String documentType;

    @Column(name = "document_number_masked", nullable = false)
    private String documentNumberMasked;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "username")
    private String username;

    @Column(name = "real_name_level", nullable = false)
    private int realNameLevel;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_account_phone", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "phone_masked", nullable = false)
    @OrderColumn(name = "phone_order")
    private List<String> phonesMasked = new ArrayList<>();

    protected PersonAccount() {
    }

    PersonAccountView view() {
        return new PersonAccountView(personId, documentType, documentNumberMasked, name, List.copyOf(phonesMasked),
                username, realNameLevel, registeredAt);
    }
}
