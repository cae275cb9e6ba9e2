package gov.etax.identity.query.admin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each projection moves through the event store: position samples kept for {@link #WINDOW},
 * from which the rate and so the time a replay has left are estimated.
 */
class ProjectionSpeed {

    static final Duration WINDOW = Duration.ofSeconds(30);

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    private record Sample(long nanos, long position) {
    }

    /** The projection was at {@code position} at {@code nanos} ({@link System#nanoTime()}). */
    void sample(String name, long nanos, long position) {
        Deque<Sample> window = samples.computeIfAbsent(name, key -> new ArrayDeque<>());
        synchronized (window) {
            window.addLast(new Sample(nanos, position));
            while (window.size() > 2 && nanos - window.peekFirst().nanos() > WINDOW.toNanos()) {
                window.removeFirst();
            }
        }
    }

    /** The projection starts from the beginning again: its old samples say nothing about its speed now. */
    void restarted(String name) {
        samples.remove(name);
    }

    /** Events per second over the sliding window, or null before there are two samples. */
    Double eventsPerSecond(String name) {
        Deque<Sample> window = samples.get(name);
        if (window == null) {
            return null;
        }
        synchronized (window) {
            if (window.size() < 2) {
                return null;
            }
            Sample first = window.peekFirst();
            Sample last = window.peekLast();
            double seconds = (last.nanos() - first.nanos()) / 1e9;
            return seconds <= 0 ? null : Math.max(0, last.position() - first.position()) / seconds;
        }
    }
}
