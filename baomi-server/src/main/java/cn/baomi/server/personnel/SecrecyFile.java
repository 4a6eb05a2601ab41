package cn.baomi.server.personnel;

import java.util.List;

/** A person's whole secrecy file as the file page and the API show it; {@code keeper} when the viewer may add to it. */
record SecrecyFile(PersonStatus status, List<LevelChange> levels, List<Review> reviews, List<Commitment> commitments,
                   List<Training> trainings, List<FileNote> talks, List<FileNote> matters, boolean keeper) {
}
