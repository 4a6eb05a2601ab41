package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Reading a secrecy file: the whole file, its timeline, a scanned copy. Each is checked by {@link PersonnelAccess}
 * (404 for anyone else) and audited as a view.
 */
@Service
class SecrecyFiles {

    private final PersonnelAccess access;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final FileSummaries summaries;
    private final FileStatuses statuses;
    private final LevelChanges levels;
    private final Reviews reviews;
    private final SignedCommitments commitments;
    private final Trainings trainings;
    private final FileNotes notes;
    private final PostChanges postChanges;
    private final ScanStore scans;
    private final AuditTrail audit;

    SecrecyFiles(PersonnelAccess access, PersonDirectory persons, UnitDirectory units, FileSummaries summaries,
                 FileStatuses statuses, LevelChanges levels, Reviews reviews, SignedCommitments commitments,
                 Trainings trainings, FileNotes notes, PostChanges postChanges, ScanStore scans, AuditTrail audit) {
        this.access = access;
        this.persons = persons;
        this.units = units;
        this.summaries = summaries;
        this.statuses = statuses;
        this.levels = levels;
        this.reviews = reviews;
        this.commitments = commitments;
        this.trainings = trainings;
        this.notes = notes;
        this.postChanges = postChanges;
        this.scans = scans;
        this.audit = audit;
    }

    /** The signed-in user's own person, whose file they may always read. */
    long myPersonId() {
        Long id = CurrentUser.require().personId();
        if (id == null) {
            throw new NotFound("personnel file", "me");
        }
        return id;
    }

    @Transactional
    SecrecyFile view(long personId) {
        CurrentUser user = CurrentUser.require();
        access.checkCanRead(user, personId);
        PersonStatus status = status(personId);
        SecrecyFile file = new SecrecyFile(status, levels.of(personId), reviews.of(personId), commitments.of(personId),
                trainings.of(personId), notes.of(personId, NoteKind.TALK), notes.of(personId, NoteKind.MATTER),
                access.isSecrecyOffice(user, status.person().unitId()));
        audit.record(AuditRecord.success("PERSONNEL_FILE_VIEWED", "person", personId));
        return file;
    }

    /** The header of a file without its records, for pages that need the name (a form shown again). */
    @Transactional(readOnly = true)
    PersonStatus statusFor(long personId) {
        access.checkCanRead(CurrentUser.require(), personId);
        return status(personId);
    }

    /** The header for a printable commitment form; printing is audited as a view of the file. */
    @Transactional
    PersonStatus printForm(long personId, CommitmentKind kind) {
        access.checkCanRead(CurrentUser.require(), personId);
        audit.record(AuditRecord.success("PERSONNEL_COMMITMENT_FORM_PRINTED", "person", personId).withDetail(kind.name()));
        return status(personId);
    }

    @Transactional
    List<TimelineEntry> timeline(long personId) {
        access.checkCanRead(CurrentUser.require(), personId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (LevelChange c : levels.of(personId)) {
            if (c.onExit()) {
                entries.add(entry(c.effectiveOn(), "LEVEL_ENDED", "personnel.timeline.levelEnded", c.fromLevel()));
                continue;
            }
            entries.add(entry(c.requestedAt().atZone(ZoneId.systemDefault()).toLocalDate(), "LEVEL_REQUESTED",
                    "personnel.timeline.levelRequested", c.fromLevel(), c.toLevel()));
            if (c.isGranted()) {
                entries.add(entry(c.effectiveOn(), "LEVEL_GRANTED", "personnel.timeline.levelGranted", c.toLevel()));
            } else if (c.decidedAt() != null) {
                entries.add(entry(c.decidedAt().atZone(ZoneId.systemDefault()).toLocalDate(), "LEVEL_" + c.state(),
                        "personnel.timeline.level" + (c.state() == LevelState.REFUSED ? "Refused" : "Withdrawn"),
                        c.toLevel()));
            }
        }
        postChanges.daysOf(personId).forEach(d -> entries.add(entry(d, "POST_CHANGE", "personnel.timeline.postChange")));
        reviews.of(personId).forEach(r -> entries.add(entry(r.reviewedOn(), "REVIEW", "personnel.timeline.review",
                r.kind(), r.outcome(), r.reviewer())));
        commitments.of(personId).forEach(c -> entries.add(entry(c.signedOn(), "COMMITMENT",
                "personnel.timeline.commitment", c.kind())));
        trainings.of(personId).forEach(t -> entries.add(entry(t.trainedOn(), "TRAINING", "personnel.timeline.training",
                t.topic(), t.hours().toPlainString())));
        notes.of(personId, NoteKind.TALK).forEach(n -> entries.add(entry(n.happenedOn(), "TALK",
                "personnel.timeline.talk", n.counterpart())));
        notes.of(personId, NoteKind.MATTER).forEach(n -> entries.add(entry(n.happenedOn(), "MATTER",
                "personnel.timeline.matter", label("personnel.matter.", n.category()))));
        entries.sort(Comparator.comparing(TimelineEntry::date).reversed());
        audit.record(AuditRecord.success("PERSONNEL_TIMELINE_VIEWED", "person", personId));
        return entries;
    }

    @Transactional
    Scan scan(long personId, long scanId) {
        access.checkCanRead(CurrentUser.require(), personId);
        Scan scan = scans.read(scanId);
        if (scan.personId() != personId) {
            throw new NotFound("scan", scanId);
        }
        audit.record(AuditRecord.success("PERSONNEL_SCAN_VIEWED", "person", personId).withDetail("scan=" + scanId));
        return scan;
    }

    private PersonStatus status(long personId) {
        PersonSummary person = persons.find(personId).orElseThrow(() -> new NotFound("person", personId));
        String unit = units.find(person.unitId()).map(UnitSummary::name).orElse(null);
        Map<Long, String> departments = persons.departmentNames(List.of(person.unitId()));
        return statuses.status(person, summaries.of(personId), unit,
                person.departmentId() == null ? null : departments.get(person.departmentId()), LocalDate.now());
    }

    /** Enum arguments become their labels, resolved by the message source when the entry is shown. */
    private static TimelineEntry entry(LocalDate date, String type, String key, Object... arguments) {
        List<Object> args = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof ClearanceLevel l) {
                args.add(label("org.clearance.", l.name()));
            } else if (a instanceof Enum<?> e) {
                args.add(label("personnel." + Character.toLowerCase(e.getDeclaringClass().getSimpleName().charAt(0))
                        + e.getDeclaringClass().getSimpleName().substring(1) + ".", e.name()));
            } else {
                args.add(a);
            }
        }
        return new TimelineEntry(date, type, key, args);
    }

    private static MessageSourceResolvable label(String prefix, String code) {
        return new DefaultMessageSourceResolvable(new String[] {prefix + code}, code);
    }
}
