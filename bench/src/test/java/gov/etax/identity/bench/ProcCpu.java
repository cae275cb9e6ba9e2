package gov.etax.identity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from Linux's own counters under /proc, in clock ticks (USER_HZ, 100 per second): a process's,
 * its threads' by group, PostgreSQL's backends' and the whole machine's. CPU time is not stretched by
 * waiting for a core, so it holds on a busy machine where rates and latencies do not.
 */
final class ProcCpu {

    /** Clock ticks per second of /proc's counters (USER_HZ; 100 on Linux). */
    static final double TICKS_PER_S = 100.0;
    /** The thread groups of a JVM: request threads, JIT compiler, GC and VM, the rest. */
    static final List<String> GROUPS = List.of("requests", "jit", "gc_vm", "other");

    private ProcCpu() {
    }

    /** user + system ticks of a {@code stat} line of /proc (a process's or a thread's). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long processTicks(String pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", pid, "stat")));
    }

    /**
     * Ticks every core spent busy since boot, from {@code /proc/stat}: user, nice, system, irq and
     * softirq; not idle, I/O wait, nor the time a virtual machine's host gave to others (steal).
     */
    static long machineBusyTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(cpu[i]);
        }
        return busy;
    }

    /**
     * Ticks of the PostgreSQL processes that serve {@code database}: its backends (titled
     * "postgres: … user database address activity") and, unless {@code backendsOnly}, the server's
     * own background processes (WAL writer, checkpointer…, titled without a client address), which
     * work for every database; another database's backends are left out. A process that ended
     * meanwhile is lost.
     */
    static long postgresTicks(String database, boolean backendsOnly) throws IOException {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String title = new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
                    if (!title.startsWith("postgres: ") && !title.contains("/postgres ")) {
                        continue;
                    }
                    boolean backend = title.contains("(") && title.contains(")");
                    if (backend ? title.contains(" " + database + " ") : !backendsOnly) {
                        sum += ticks(Files.readString(process.resolve("stat")));
                    }
                } catch (IOException ended) {
                    // the process ended, or is not ours to read
                }
            }
        }
        return sum;
    }

    /** Which of {@link #GROUPS} a JVM thread of the given name belongs to. */
    static String group(String thread) {
        if (thread.startsWith("http-nio-")) {
            return "requests";
        }
        if (thread.contains("CompilerThre")) {
            return "jit";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.startsWith("VM ")) {
            return "gc_vm";
        }
        return "other";
    }

    /** A process's ticks per thread group; a thread that ended meanwhile is lost from its group only. */
    static Map<String, Long> threadTicks(String pid) throws IOException {
        Map<String, Long> sums = new LinkedHashMap<>();
        GROUPS.forEach(g -> sums.put(g, 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    sums.merge(group(name), ticks(stat), Long::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return sums;
    }
}
