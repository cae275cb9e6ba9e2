package gov.etax.identity.command.support;

/** Stops what a test class started, in the order given, skipping what never started. */
public final class Closeables {

    private Closeables() {
    }

    public static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
