package cn.baomi.server.personnel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The encrypted scanned copies; {@code content} is always SM4-GCM ciphertext. */
@Repository
class Scans {

    record Stored(long id, long personId, String fileName, String contentType, String sm3, byte[] cipher) {
    }

    private final JdbcClient jdbc;

    Scans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, String fileName, String contentType, int size, String sm3, byte[] cipher, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_attachments (person_id, file_name, content_type, size_bytes, sm3, content, "
                        + "uploaded_by, uploaded_at) values (?,?,?,?,?,?,?,?)")
                .params(personId, fileName, contentType, size, sm3, cipher, by, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("select id, person_id, file_name, content_type, sm3, content from personnel_attachments where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("person_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getString("sm3"), rs.getBytes("content")))
                .optional();
    }
}
