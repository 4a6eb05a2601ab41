package cn.baomi.server.shared;

/** A record that does not exist, or that the user may not know exists: both answer 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id);
    }
}
