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
        if (requests == 0) { // appends only, after a warm-up of their own, with their own reference
            System.out.print("warm-up, not counted: ");
            append(city, targets, 4, Math.max(5, appendSeconds / 2), 1);
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
        long start = System.nanoTime();
        for (int w = 0; w < clients; w++) {
            int worker = w;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int n = 0;
                outer:
                while (true) {
                    for (int i = worker; i < targets.size(); i += clients) {
                        long[] tg = targets.get(i);
                        String[] bodies = {
                                "{\"copyId\":" + tg[1] + ",\"type\":\"LENT\",\"personId\":" + tg[2]
                                        + ",\"dueDate\":\"2027-12-31\"}",
                                "{\"copyId\":" + tg[1] + ",\"type\":\"LOAN_RETURNED\"}"};
                        if (System.nanoTime() > deadline) {
                            break outer; // between pairs only: every lent copy is taken back
                        }
                        for (String body : bodies) {
                            long s = System.nanoTime();
                            int status = post(token, "/api/carriers/" + tg[0] + "/events", body);
                            mine[n++] = System.nanoTime() - s;
                            if (status == 201) {
                                ok.incrementAndGet();
                            } else if (failed.incrementAndGet() == 1) {
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
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        System.out.printf("append %d clients, %d s: %d events (%d failed) = %.0f events/s; POST p50 %.2f p95 %.2f p99 %.2f ms"
                        + " (p95/ref %.1f)%n", clients, seconds, ok.get(), failed.get(), ok.get() / elapsed,
                ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)), ms(pct(all, 95)) / reference);
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
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
