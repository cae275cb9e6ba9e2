package gov.etax.identity.command.person.migration;

import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of a whole import of existing persons (REG-5); single rows are skipped, not refused. */
public enum MigrationReason implements Reason {
    IMPORT_EMPTY(INVALID_INPUT, "REG-5", "An import lists at least one person.", "导入数据不能为空"),
    IMPORT_TOO_LARGE(INVALID_INPUT, "REG-5",
            "An import lists at most " + PersonImportService.MAX_ROWS + " persons; split it into several requests.",
            "单次导入不能超过" + PersonImportService.MAX_ROWS + "人，请分批导入");

    private final Text text;

    MigrationReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
