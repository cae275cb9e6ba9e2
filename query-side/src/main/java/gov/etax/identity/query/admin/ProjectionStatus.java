package gov.etax.identity.query.admin;

import java.util.List;

/**
 * How far a projection has come.
 *
 * @param name              the processing group, e.g. {@code person-accounts}
 * @param running           whether its processor runs on this node
 * @param error             whether a segment is in error (the processor retries it)
 * @param replaying         whether it is being replayed in place (H2): its query endpoints answer 503 meanwhile
 * @param caughtUp          running, not replaying, every segment claimed and at the head of the event store
 * @param position          the global index every claimed segment has passed (the lowest segment
 *                          position); null before any segment is claimed
 * @param head              the highest global index in the event store
 * @param behind            head minus position
 * @param eventsPerSecond   positions passed per second over the last 30 seconds; null until measured
 * @param estimatedTimeLeft ISO-8601 duration until it reaches the current head at that speed; null when unknown
 * @param estimatedSecondsLeft the same in whole seconds, rounded up
 * @param segments          the claimed segments of this node
 * @param rebuild           the rebuild of this projection beside its live tables that runs on this node, or the
 *                          last one that ended here; absent when there was none
 */
public record ProjectionStatus(String name, boolean running, boolean error, boolean replaying, boolean caughtUp,
                               Long position, long head, long behind, Double eventsPerSecond,
                               String estimatedTimeLeft, Long estimatedSecondsLeft, List<SegmentStatus> segments,
                               RebuildStatus rebuild) {

    /**
     * A rebuild beside the live tables (docs/architecture.md, "Replay"); its endpoints keep answering from the
     * live tables meanwhile.
     *
     * @param state                {@code REBUILDING}; {@code SWITCHED} once its tables answer; {@code FAILED} when an
     *                             event failed (the live tables stay)
     * @param projections          every projection rebuilt with it (those sharing a table are rebuilt together)
     * @param startedAt            when it started
     * @param endedAt              when it switched or failed
     * @param position             the global index the rebuild has passed; for {@code SWITCHED} the position its
     *                             tables took over at
     * @param behind               head minus position, while rebuilding
     * @param eventsPerSecond      positions passed per second over the last 30 seconds
     * @param estimatedTimeLeft    ISO-8601 duration until it reaches the head at that speed
     * @param estimatedSecondsLeft the same in whole seconds, rounded up
     * @param failure              the event that failed and why
     */
    public record RebuildStatus(String state, List<String> projections, String startedAt, String endedAt, Long position,
                                Long behind, Double eventsPerSecond, String estimatedTimeLeft, Long estimatedSecondsLeft,
                                String failure) {
    }

    /**
     * @param segment  the segment id
     * @param mask     its mask (a segment covers 1/(mask+1) of the stream)
     * @param position its token's position
     */
    public record SegmentStatus(int segment, int mask, Long position, boolean replaying, boolean caughtUp,
                                String error) {
    }
}
