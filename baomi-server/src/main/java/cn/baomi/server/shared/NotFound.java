package cn.baomi.server.shared;

/**
 * A record that does not exist, or that the user may not know exists: both answer 404, and both are audited
 * ({@link RecordNotFound}), so that the auditor sees someone trying ids they may not open.
 */
public class NotFound extends RuntimeException {

    private final String what;
    private final String id;

    public NotFound(String what, Object id) {
        super(what + " " + id);
        this.what = what;
        this.id = String.valueOf(id);
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
