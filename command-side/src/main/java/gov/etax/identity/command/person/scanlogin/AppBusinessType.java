package gov.etax.identity.command.person.scanlogin;

import gov.etax.identity.command.person.AppScanApprovals;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;

/**
 * LOGIN-5: the web session takes the app session's business type; the IIT app (个人所得税APP)
 * gives natural-person business only, whatever its session was.
 */
public final class AppBusinessType {

    public static final String TAX_APP = "TAX_APP";
    public static final String IIT_APP = AppScanApprovals.IIT_APP;

    private AppBusinessType() {
    }

    public static LoginEntry entry(String app, LoginEntry appSessionEntry) {
        if (!TAX_APP.equals(app) && !IIT_APP.equals(app)) {
            throw ScanLoginReason.UNKNOWN_APP.refusal();
        }
        return IIT_APP.equals(app) ? LoginEntry.NATURAL_PERSON : appSessionEntry;
    }

    public static ActingFor actingFor(LoginEntry entry, ActingFor appSessionActingFor) {
        return entry == LoginEntry.NATURAL_PERSON ? null : appSessionActingFor;
    }
}
