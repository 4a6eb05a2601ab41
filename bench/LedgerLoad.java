import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The HTTP load of bench/ledger.sh, from a process of its own against the running server:
 * {@code java bench/LedgerLoad.java BASE_URL WORK_DIR CARRIERS REQUESTS APPEND_SECONDS CONCURRENCY...}.
 * WORK_DIR holds the tokens (token-city, token-office, token-staff) and the targets written by ledger.sh
 * (lend-targets.csv: carrier,copy,borrower; staff-carriers.txt). Latencies are measured one request at a time,
 * after a warm-up; appends run with the given numbers of concurrent clients for a fixed time each. REQUESTS 0:
 * appends only, against a reference of their own (the p95 of 100 health requests just before).
 * <p>
 * System properties: {@code warm} (seconds, default 0) appends first for that long with the largest number of
 * clients, not counted, so that the timed runs see a server whose JIT has compiled the append path (steady state);
 * without it a run keeps the old short warm-up. {@code cpu}: a command printing the CPU ms used so far by the server
 * and its database (bench/ledger-cpu.sh), run before and after each timed run to give its CPU per event, next to the
 * client's own and the whole machine's (from /proc/stat).
 */
public class LedgerLoad {

    static final String[] LEVELS = {"SECRET", "CONFIDENTIAL", "TOP_SECRET"};
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        Path dir = Path.of(args[1]);
        int carriers = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int appendSeconds = Integer.parseInt(args[4]);
        String city = Files.readString(dir.resolve("token-city")).strip();
        String office = Files.readString(dir.resolve("token-office")).strip();
        String staff = Files.readString(dir.resolve("token-staff")).strip();
        List<long[]> targets = Files.readAllLines(dir.resolve("lend-targets.csv")).stream().filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split(",")).mapToLong(Long::parseLong).toArray()).toList();
        long[] staffCarriers = Files.readAllLines(dir.resolve("staff-carriers.txt")).stream().filter(l -> !l.isBlank())
                .mapToLong(Long::parseLong).toArray();
        Random random = new Random(42);
        int warm = Integer.getInteger("warm", 0);
        int mostClients = Arrays.stream(args, 5, args.length).mapToInt(Integer::parseInt).max().orElse(4);
        if (requests == 0 && args.length == 5 && warm > 0) {
            return; // nothing to time: the steady-state appends warm up when they run
        }
        if (requests == 0) { // appends only, after a warm-up of their own, with their own reference
            System.out.print("warm-up, not counted: ");
            if (warm > 0) {
                append(city, targets, mostClients, warm, 1);
            } else {
                append(city, targets, 4, Math.max(5, appendSeconds / 2), 1);
            }
            double reference = healthReference();
            for (int a = 5; a < args.length; a++) {
                append(city, targets, Integer.parseInt(args[a]), appendSeconds, reference);
            }
            return;
        }

        IntFunction<String> filters = i -> "/api/carriers?level=" + LEVELS[i % 3] + (i % 2 == 0 ? "&status=LIVE" : "")
                + (i % 3 == 1 ? "&type=PAPER" : "") + "&page=" + (i % 5) + "&size=20";
        record Scenario(String name, String token, IntFunction<String> path) {
        }
        List<Scenario> scenarios = List.of(
                new Scenario("reference GET /actuator/health", null, i -> "/actuator/health"),
                new Scenario("reference GET /api/me (token)", office, i -> "/api/me"),
                new Scenario("list, filters, city secrecy office (all 50 units)", city, filters),
                new Scenario("list, filters, district secrecy office (6 units)", office, filters),
                new Scenario("list, filters, staff (scope check)", staff, filters),
                new Scenario("list, text search q, district secrecy office", office,
                        i -> "/api/carriers?q=" + (i % 2 == 0 ? "%E9%A2%84%E7%AE%97" : "B2-2019") + "&page=" + (i % 3)),
                new Scenario("history, city secrecy office", city,
                        i -> "/api/carriers/" + (1 + random.nextInt(carriers)) + "/events"),
                new Scenario("history, staff (scope check)", staff,
                        i -> "/api/carriers/" + staffCarriers[random.nextInt(staffCarriers.length)] + "/events"));

        System.out.printf("%-52s %8s %8s %8s %8s %8s%n", "scenario (" + requests + " requests each, one at a time)",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "p95/ref");
        double reference = 0;
        for (Scenario s : scenarios) {
            for (int i = 0; i < Math.max(20, requests / 5); i++) { // warm-up, not timed
                get(s.token, s.path.apply(i));
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                get(s.token, s.path.apply(i));
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            double p95 = ms(pct(nanos, 95));
            if (reference == 0) {
                reference = p95;
            }
            System.out.printf("%-52s %8.2f %8.2f %8.2f %8.2f %8.1f%n", s.name, ms(pct(nanos, 50)), p95, ms(pct(nanos, 99)),
                    ms(nanos[nanos.length - 1]), p95 / reference);
        }

        if (warm > 0 && args.length > 5) {
            System.out.print("warm-up, not counted: ");
            append(city, targets, mostClients, warm, reference);
        }
        for (int a = 5; a < args.length; a++) {
            append(city, targets, Integer.parseInt(args[a]), appendSeconds, reference);
        }
    }

    /** The p95 of {@code GET /actuator/health} over 100 requests, in ms: the reference of an append-only run. */
    static double healthReference() throws Exception {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            get(null, "/actuator/health");
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return ms(pct(nanos, 95));
    }

    /** Lend / return pairs on disjoint copies, one client thread per slice, for a fixed time. */
    static void append(String token, List<long[]> targets, int clients, int seconds, double reference) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        Cpu before = Cpu.now();
        long start = System.nanoTime();
        for (int w = 0; w < clients; w++) {
            int worker = w;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int n = 0;
                List<long[]> slice = new ArrayList<>();
                for (int i = worker; i < targets.size(); i += clients) {
                    slice.add(targets.get(i));
                }
                outer:
                while (true) {
                    for (int i = 0; i < slice.size(); i += BATCH) {
                        List<long[]> some = slice.subList(i, Math.min(slice.size(), i + BATCH));
                        if (System.nanoTime() > deadline) {
                            break outer; // between pairs only: every lent copy is taken back
                        }
                        for (String type : new String[] {"LENT", "LOAN_RETURNED"}) {
                            String path = BATCH == 1 ? "/api/carriers/" + some.get(0)[0] + "/events" : "/api/carriers/events";
                            String body = BATCH == 1 ? event(some.get(0), type, false)
                                    : "[" + String.join(",", some.stream().map(tg -> event(tg, type, true)).toList()) + "]";
                            long s = System.nanoTime();
                            int status = post(token, path, body);
                            mine[n++] = System.nanoTime() - s;
                            if (status == 201) {
                                ok.addAndGet(some.size());
                            } else if (failed.addAndGet(some.size()) == some.size()) {
                                System.out.println("first failure: HTTP " + status + " on " + body);
                            }
                        }
                    }
                }
                mine[mine.length - 1] = n;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Cpu used = Cpu.now().minus(before);
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        System.out.printf("append %d clients%s, %d s: %d events (%d failed) = %.0f events/s; POST p50 %.2f p95 %.2f p99 %.2f ms"
                        + " (p95/ref %.1f)%n", clients, BATCH == 1 ? "" : " in batches of " + BATCH, seconds, ok.get(), failed.get(), ok.get() / elapsed,
                ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)), ms(pct(all, 95)) / reference);
        if (used.server >= 0 && ok.get() > 0) {
            double n = ok.get() + failed.get();
            System.out.printf("  CPU per event of this run alone: server and database %.2f ms (server %.2f, database %.2f),"
                            + " load client %.2f ms, rest of the machine %.2f ms; machine busy %.0f %% of %d cores%n",
                    (used.server + used.database) / n, used.server / n, used.database / n, used.client / n,
                    (used.machine - used.server - used.database - used.client) / n,
                    100.0 * used.machine / (elapsed * 1000 * Runtime.getRuntime().availableProcessors()),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * CPU ms used so far: by the server and by its database's backends (the {@code cpu} command, -1 without it), by
     * this process, and by the whole machine (busy time of all cores in /proc/stat, in USER_HZ = 100 ticks a second).
     */
    record Cpu(long server, long database, long client, long machine) {

        static Cpu now() {
            long server = -1;
            long database = 0;
            String command = System.getProperty("cpu", "");
            try {
                if (!command.isBlank()) {
                    Process p = new ProcessBuilder(command.trim().split("\\s+")).redirectErrorStream(true).start();
                    String[] ms = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
                    server = Long.parseLong(ms[0]);
                    database = Long.parseLong(ms[1]);
                }
                long client = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
                long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                        .skip(1).mapToLong(Long::parseLong).toArray();
                long busy = Arrays.stream(ticks).sum() - ticks[3] - ticks[4]; // all but idle and iowait
                return new Cpu(server, database, client, busy * 10);
            } catch (Exception e) {
                return new Cpu(-1, 0, 0, 0);
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(server < 0 || o.server < 0 ? -1 : server - o.server, database - o.database, client - o.client,
                    machine - o.machine);
        }
    }

    /**
     * {@code -Dbatch=n} (default 1): appends n events a request through {@code POST /api/carriers/events}, lending n
     * copies in one request and taking them back in the next, instead of one event a request.
     */
    static final int BATCH = Integer.getInteger("batch", 1);

    static String event(long[] target, String type, boolean withCarrier) {
        return "{" + (withCarrier ? "\"carrierId\":" + target[0] + "," : "") + "\"copyId\":" + target[1] + ",\"type\":\"" + type
                + "\"" + (type.equals("LENT") ? ",\"personId\":" + target[2] + ",\"dueDate\":\"2027-12-31\"" : "") + "}";
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void get(String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " on GET " + path + ": " + r.body());
        }
    }

    static int post(String token, String path, String body) {
        if (SOCKET_CLIENT) {
            return SocketClient.post(token, path, body);
        }
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * {@code -Dclient=socket}: appends through a minimal HTTP/1.1 client, one kept-alive socket per client thread, that
     * writes the request and reads the status line, the headers and the body (by Content-Length or chunks). The JDK's
     * HttpClient costs about 1 ms of CPU per request here, half the CPU that 1,000 appends a second leave per event on
     * 2 cores; the server does the same work either way.
     */
    static final boolean SOCKET_CLIENT = "socket".equals(System.getProperty("client"));

    static final class SocketClient {

        private static final ThreadLocal<SocketClient> MINE = new ThreadLocal<>();
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private boolean closed;

        private SocketClient() throws java.io.IOException {
            URI uri = URI.create(base);
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        static int post(String token, String path, String body) {
            try {
                SocketClient c = MINE.get();
                if (c == null) {
                    c = new SocketClient();
                    MINE.set(c);
                }
                try {
                    return c.exchange(token, path, body);
                } catch (java.io.IOException e) {
                    MINE.remove();
                    c.socket.close();
                    return -1;
                } finally {
                    if (c.closed) { // the server ends a connection after 100 requests (Tomcat's maxKeepAliveRequests)
                        MINE.remove();
                        c.socket.close();
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
        }

        private int exchange(String token, String path, String body) throws java.io.IOException {
            byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + URI.create(base).getAuthority()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + content.length + "\r\n\r\n";
            byte[] h = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(h, h.length + content.length);
            System.arraycopy(content, 0, request, h.length, content.length);
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String l = line(); !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            closed = close;
            return code;
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        private void skip(long n) throws java.io.IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException();
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }
    }
}
