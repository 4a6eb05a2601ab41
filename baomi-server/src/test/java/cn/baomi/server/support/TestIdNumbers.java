package cn.baomi.server.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import cn.baomi.server.organization.ResidentIdNumbers;

/**
 * Valid resident ID numbers that no other test of this JVM has used: region 110101 (not the demo's), a birth date and
 * a sequence number counted from one shared counter, so fixtures of different test classes sharing one database
 * never collide (each fixture drawing its own random or per-class numbers did, now and then).
 */
public final class TestIdNumbers {

    private static final AtomicLong counter = new AtomicLong();

    private TestIdNumbers() {
    }

    public static String next() {
        long n = counter.incrementAndGet();
        String birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000).format(DateTimeFormatter.BASIC_ISO_DATE);
        return ResidentIdNumbers.withCheckDigit("110101" + birth + String.format("%03d", (n / 20_000) % 1000));
    }
}
