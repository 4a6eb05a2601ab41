package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an excerpt or compilation inherits from its sources (domain.md §2, §4 rule 5): the highest level, the
 * longest duration, and as scope the entries every source names (never wider than any source). Durations are
 * compared by length: the level alone and a condition count as the legal maximum of their source's level,
 * a date as the time until it, long-term as longer than anything.
 */
final class CompilationRule {

    private CompilationRule() {
    }

    static SecretLevel level(List<Carrier> sources) {
        return sources.stream().map(Carrier::level).min(Comparator.naturalOrder()).orElseThrow();
    }

    static SecrecyDuration duration(List<Carrier> sources, LocalDate today) {
        Carrier longest = sources.stream().max(Comparator.comparingLong(c -> months(c, today))).orElseThrow();
        SecrecyDuration d = longest.duration();
        if (d.kind() == SecrecyDuration.Kind.DEFAULT && longest.level() != level(sources)) {
            return new SecrecyDuration(SecrecyDuration.Kind.YEARS, longest.level().maximumYears(), null, null);
        }
        return d;
    }

    static List<CarrierScopes.Entry> scope(List<List<CarrierScopes.Entry>> scopes) {
        Set<CarrierScopes.Entry> common = scopes.get(0).stream().collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        scopes.forEach(common::retainAll);
        return List.copyOf(common);
    }

    private static long months(Carrier c, LocalDate today) {
        SecrecyDuration d = c.duration();
        return switch (d.kind()) {
            case YEARS -> 12L * d.amount();
            case MONTHS -> d.amount();
            case UNTIL_DATE -> ChronoUnit.MONTHS.between(today, d.until()) + 1;
            case DEFAULT, UNTIL_CONDITION -> 12L * c.level().maximumYears();
            case LONG_TERM -> Long.MAX_VALUE;
        };
    }
}
