package cn.baomi.server.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import cn.baomi.server.organization.ResidentIdNumbers;

/** Deterministic, plausible names and resident ID numbers (valid check digit) for the demo people. */
final class DemoPeople {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌宇浩凯晨欣怡";
    private static final String REGION = "360424";
    private final Random random = new Random(2026);
    private final Set<String> used = new HashSet<>();

    String name() {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    String idNumber() {
        while (true) {
            LocalDate birth = LocalDate.of(1965 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String first17 = REGION + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String number = ResidentIdNumbers.withCheckDigit(first17);
            if (used.add(number)) {
                return number;
            }
        }
    }
}
