package gov.etax.identity.kernel.enterprise;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Objects;

/** A person named by the tax authority's data: legal representative or finance manager (ACC-1, ACC-3, ACC-4). */
public record ReportedPerson(DocumentNumber document, PersonName name) {

    public ReportedPerson {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "ReportedPerson[document=" + document + ", name=*]";
    }
}
