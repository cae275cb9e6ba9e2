package gov.etax.identity.command.person;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;

/**
 * What a scanning app does with the login ticket it scanned (LOGIN-5): the tax app approves from a
 * session of its own, the IIT app from its own login's face scan.
 */
public interface AppScanApprovals {

    /** The 个人所得税APP: natural-person business only, whatever its session was. */
    String IIT_APP = "IIT_APP";

    void approve(String ticketId, CurrentPerson appSession, String app);

    void approveInIitApp(String ticketId, String faceVerificationToken);
}
