package gov.etax.identity.command.person.scanlogin;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.util.Optional;

/** QR login tickets (LOGIN-5), shared by every command-side node. */
public interface LoginTickets {

    void create(Ticket ticket);

    Optional<Ticket> find(String ticketId);

    /** Approves a waiting ticket; false when it is no longer waiting. */
    boolean approve(String ticketId, Approval approval);

    /** Marks an approved ticket used; false when another request used it first (tickets work once). */
    boolean use(String ticketId, Instant usedAt);

    enum Status { WAITING, APPROVED, USED }

    /** @param approval who approved it in the app, null while waiting */
    record Ticket(String ticketId, Status status, Instant createdAt, Instant expiresAt, Approval approval) {

        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /**
     * @param app       TAX_APP (江西税务APP) or IIT_APP (个人所得税APP)
     * @param entry     the business type the web session takes over from the app session
     * @param actingFor the enterprise and role when that is enterprise business, else null
     */
    record Approval(PersonId personId, String app, LoginEntry entry, ActingFor actingFor) {
    }
}
